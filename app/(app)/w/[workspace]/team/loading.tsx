import { PageSkeleton } from "@/components/ui/page-skeleton";

// A leaf segment whose page never calls notFound(): a loading boundary here cannot turn a 404 into a 200.
export default function Loading() {
  return <PageSkeleton label="Loading the team…" cards={3} />;
}

import { z } from "zod";
import { text } from "./text";

/** The dashboard's focus filter: the action lists narrowed to contacts with one tag. */
export const dashboardListsQuerySchema = z.strictObject({
  tag: text(z.string().trim().min(1, "Pick a tag to focus on.").max(40, "Tags are under 40 characters.")),
});

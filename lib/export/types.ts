/** A contact as the exports write it: every field a person can enter, none of the bookkeeping. */
export type ExportContact = {
  id: string;
  name: string;
  emails: string[];
  phone: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  url: string | null;
  howWeMet: string | null;
  tags: string[];
  interests: string | null;
  needs: string | null;
  offers: string | null;
  cadenceDays: number | null;
  connectedOn: string | null;
  archived: boolean;
};

import { appLink, type Mail } from "./index";
import { layout } from "./templates";

export function invitationMail(input: {
  to: string;
  inviter: string;
  workspace: string;
  role: string;
  token: string;
}): Mail {
  const url = appLink(`/invite/${input.token}`);
  const lines = [
    "Hi,",
    `${input.inviter} invited you to join "${input.workspace}" on Mutual as ${input.role.toLowerCase()}: a shared place to keep the people you know, what you give each other, and notes that help you help them.`,
    `Accept with this address (${input.to}); if you don't have an account yet, you can create one on the way. The link works once, for 7 days.`,
  ];
  return {
    to: input.to,
    subject: `${input.inviter} invited you to ${input.workspace} on Mutual`,
    text: `${lines.join("\n\n")}\n\nAccept the invitation: ${url}\n\nIf you weren't expecting this, you can ignore it.\n`,
    html: layout(`Join ${input.workspace} on Mutual`, lines, { label: "Accept the invitation", url }),
  };
}

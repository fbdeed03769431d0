import { appLink, type Mail } from "./index";
import { layout } from "./templates";

/**
 * To the owner of an address someone tried to sign up with again. Sign-up answers
 * "check your inbox" either way, so only the inbox learns the address has an account.
 */
export function accountExistsMail(to: string, name: string): Mail {
  const signIn = appLink("/sign-in");
  const reset = appLink("/forgot");
  const lines = [
    `Hi ${name},`,
    "Someone — hopefully you — just tried to create a Mutual account with this address. You already have one, so nothing new was made.",
    `If it was you: sign in as usual, or if the password slipped your mind, choose a new one at ${reset}`,
  ];
  return {
    to,
    subject: "You already have a Mutual account",
    text: `${lines.join("\n\n")}\n\nSign in: ${signIn}\n\nIf it wasn't you, you can ignore this message: your account and password stay as they are.\n`,
    html: layout("You already have an account", lines, { label: "Sign in to Mutual", url: signIn }),
  };
}

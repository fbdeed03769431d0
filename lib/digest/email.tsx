import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { ReactNode } from "react";
import type { DigestContent } from "./content";
import { giveBackPrompt } from "./content";
import {
  SECTION_TITLES,
  changeLabel,
  digestSubject,
  goingColdNote,
  introLine,
  moreNote,
  numbersLines,
  numbersSummary,
  promiseDueNote,
  streakNote,
  teamLines,
} from "./copy";

export type DigestLinks = {
  digest: string;
  settings: string;
  unsubscribe: string;
  contact: (id: string) => string;
};

export type DigestMailInput = {
  content: DigestContent;
  recipient: { name: string; email: string };
  workspace: { name: string; personal: boolean };
  links: DigestLinks;
};

const colors = { ink: "#0f172a", muted: "#475569", subtle: "#64748b", brand: "#047857", line: "#e2e8f0", bg: "#f8fafc" };
const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const s = {
  body: { backgroundColor: colors.bg, fontFamily: font, color: colors.ink, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: `1px solid ${colors.line}`, borderRadius: "12px", maxWidth: "560px", padding: "24px" },
  h1: { fontSize: "22px", lineHeight: "28px", margin: "0 0 8px" },
  h2: { fontSize: "16px", lineHeight: "22px", margin: "24px 0 8px" },
  p: { fontSize: "14px", lineHeight: "21px", margin: "0 0 8px" },
  note: { fontSize: "13px", lineHeight: "19px", color: colors.muted, margin: "0 0 12px" },
  small: { fontSize: "12px", lineHeight: "18px", color: colors.subtle, margin: "0 0 6px" },
  link: { color: colors.brand, fontWeight: 600, textDecoration: "underline" },
  button: { backgroundColor: colors.brand, borderRadius: "8px", color: "#ffffff", display: "inline-block", fontSize: "14px", fontWeight: 600, padding: "10px 16px", textDecoration: "none" },
} as const;

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Section>
      <Heading as="h2" style={s.h2}>
        {title}
      </Heading>
      {children}
    </Section>
  );
}

function Person({ href, name, note }: { href: string; name: string; note: string }) {
  return (
    <Text style={s.p}>
      <Link href={href} style={s.link}>
        {name}
      </Link>
      <br />
      <span style={{ color: colors.muted, fontSize: "13px" }}>{note}</span>
    </Text>
  );
}

export function DigestEmail({ content: c, recipient, workspace, links }: DigestMailInput) {
  const first = recipient.name.trim().split(/\s+/)[0] || "there";
  const more = (n: number, what: string) => {
    const m = moreNote(n, what);
    return m ? <Text style={s.small}>{m}</Text> : null;
  };
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Your week, ${c.range}: whom to give back to, who is going cold, and what your team shared.`}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Heading as="h1" style={s.h1}>
            Your week, {c.range}
          </Heading>
          <Text style={s.note}>
            Hi {first}, here is your week{workspace.personal ? "" : ` in ${workspace.name}`}. Give first, and keep in touch.
          </Text>

          {c.numbers && (
            <Block title={SECTION_TITLES.numbers}>
              <Text style={s.p}>{numbersSummary(c.numbers)}</Text>
              {numbersLines(c.numbers).map((l) => (
                <Text key={l.label} style={s.small}>
                  {l.label}: <strong>{l.week}</strong> ({changeLabel(l.week, l.previous)})
                </Text>
              ))}
            </Block>
          )}

          {c.giveBack && (
            <Block title={SECTION_TITLES.giveBack}>
              <Text style={s.note}>They did more for you lately than you for them.</Text>
              {c.giveBack.items.map((g) => (
                <Person key={g.id} href={links.contact(g.id)} name={g.name} note={giveBackPrompt(g.needs)} />
              ))}
              {more(c.giveBack.more, "people to give back to")}
            </Block>
          )}

          {c.goingCold && (
            <Block title={SECTION_TITLES.goingCold}>
              {c.goingCold.items.map((g) => (
                <Person key={g.id} href={links.contact(g.id)} name={g.name} note={goingColdNote(g.daysSince, g.cadenceDays)} />
              ))}
              {more(c.goingCold.more, "people going cold")}
            </Block>
          )}

          {c.promisesDue && (
            <Block title={SECTION_TITLES.promisesDue}>
              {c.promisesDue.items.map((p) => (
                <Person key={p.id} href={links.contact(p.contactId)} name={p.name} note={`${p.description} — ${promiseDueNote(p.dueOn, c.endDate)}`} />
              ))}
              {more(c.promisesDue.more, "promises due")}
            </Block>
          )}

          {c.introIdeas && (
            <Block title={SECTION_TITLES.introIdeas}>
              {c.introIdeas.map((i) => (
                <Text key={`${i.needId}-${i.offerId}`} style={s.p}>
                  {introLine(i)}
                </Text>
              ))}
            </Block>
          )}

          {c.team && (
            <Block title={SECTION_TITLES.team}>
              {teamLines(c.team).map((line, i) => (
                <Text key={i} style={s.p}>
                  {line}
                </Text>
              ))}
            </Block>
          )}

          {c.giveStreak && (
            <Block title={SECTION_TITLES.giveStreak}>
              <Text style={s.p}>{streakNote(c.giveStreak)}</Text>
            </Block>
          )}

          <Section style={{ marginTop: "24px" }}>
            <Link href={links.digest} style={s.button}>
              Open your week in Mutual
            </Link>
          </Section>
          <Hr style={{ borderColor: colors.line, margin: "24px 0 12px" }} />
          <Text style={s.small}>
            You get this weekly digest at {recipient.email}.{" "}
            <Link href={links.settings} style={{ color: colors.subtle }}>
              Change the day and hour
            </Link>{" "}
            or{" "}
            <Link href={links.unsubscribe} style={{ color: colors.subtle }}>
              unsubscribe
            </Link>
            .
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The plain-text part, written for reading rather than converted from the HTML. */
export function digestText({ content: c, recipient, workspace, links }: DigestMailInput): string {
  const first = recipient.name.trim().split(/\s+/)[0] || "there";
  const out: string[] = [`Your week, ${c.range}`, "", `Hi ${first}, here is your week${workspace.personal ? "" : ` in ${workspace.name}`}. Give first, and keep in touch.`];
  const section = (title: string, lines: (string | null)[]) => {
    out.push("", title.toUpperCase(), ...lines.filter((l): l is string => l !== null));
  };
  if (c.numbers) {
    section(SECTION_TITLES.numbers, [
      numbersSummary(c.numbers),
      ...numbersLines(c.numbers).map((l) => `- ${l.label}: ${l.week} (${changeLabel(l.week, l.previous)})`),
    ]);
  }
  if (c.giveBack) {
    section(SECTION_TITLES.giveBack, [
      ...c.giveBack.items.map((g) => `- ${g.name}: ${giveBackPrompt(g.needs)}\n  ${links.contact(g.id)}`),
      moreNote(c.giveBack.more, "people to give back to"),
    ]);
  }
  if (c.goingCold) {
    section(SECTION_TITLES.goingCold, [
      ...c.goingCold.items.map((g) => `- ${g.name}: ${goingColdNote(g.daysSince, g.cadenceDays)}\n  ${links.contact(g.id)}`),
      moreNote(c.goingCold.more, "people going cold"),
    ]);
  }
  if (c.promisesDue) {
    section(SECTION_TITLES.promisesDue, [
      ...c.promisesDue.items.map((p) => `- ${p.name}: ${p.description} — ${promiseDueNote(p.dueOn, c.endDate)}\n  ${links.contact(p.contactId)}`),
      moreNote(c.promisesDue.more, "promises due"),
    ]);
  }
  if (c.introIdeas) section(SECTION_TITLES.introIdeas, c.introIdeas.map((i) => `- ${introLine(i)}`));
  if (c.team) section(SECTION_TITLES.team, teamLines(c.team).map((l) => `- ${l}`));
  if (c.giveStreak) section(SECTION_TITLES.giveStreak, [streakNote(c.giveStreak)]);
  out.push(
    "",
    `Open your week in Mutual: ${links.digest}`,
    "",
    "--",
    `You get this weekly digest at ${recipient.email}.`,
    `Change the day and hour: ${links.settings}`,
    `Unsubscribe: ${links.unsubscribe}`,
    "",
  );
  return out.join("\n");
}

export async function renderDigestEmail(input: DigestMailInput): Promise<{ subject: string; html: string; text: string }> {
  return {
    subject: digestSubject(input.content, input.workspace),
    html: await render(<DigestEmail {...input} />),
    text: digestText(input),
  };
}

import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/** Raw HTML in a note is something the user typed: show it as text, never as markup. */
function htmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node) => {
      (node as { type: string }).type = "text";
    });
  };
}

/**
 * Markdown as text: raw HTML in the source is shown as typed, never parsed;
 * the tree is sanitised (GitHub's schema) and links keep to safe protocols.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-note text-sm leading-relaxed text-ink [&_a]:text-accent-text [&_a]:underline [&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-2 [&_ul]:list-disc">
      <ReactMarkdown
        remarkPlugins={[htmlAsText]}
        rehypePlugins={[rehypeSanitize]}
        components={{ a: ({ node: _node, ...props }) => <a {...props} rel="nofollow noopener noreferrer" target="_blank" /> }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}

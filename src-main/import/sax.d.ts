/** The part of sax 1.6 (which ships no types) that the XLSX reader uses. */
declare module 'sax' {
  export interface Tag {
    name: string;
    attributes: Record<string, string>;
    isSelfClosing: boolean;
  }
  export interface SAXParser {
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    onerror: (error: Error) => void;
    write(text: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(
    strict: boolean,
    options?: { trim?: boolean; normalize?: boolean },
  ): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}

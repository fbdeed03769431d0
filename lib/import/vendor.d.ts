// The two parsers ship no types; these cover the parts lib/import and lib/export use.
declare module "vcf" {
  class Property {
    constructor(field: string, value: string, params?: Record<string, string | string[]>);
    _field: string;
    _data: string | undefined;
    group?: string;
    toString(version?: string): string;
    [param: string]: unknown;
  }
  class VCard {
    version: string;
    data: Record<string, Property | Property[]>;
    parse(value: string): VCard;
    static Property: typeof Property;
  }
  export = VCard;
}

declare module "quoted-printable" {
  const quotedPrintable: { decode(input: string): string; encode(input: string): string };
  export = quotedPrintable;
}

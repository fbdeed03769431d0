import { UserError } from "@/lib/errors";

/** A file refused as a whole (too big, not text, wrong type …): nothing is written, the message says why. */
export class ImportFileError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

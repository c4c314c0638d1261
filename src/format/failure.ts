// A value cqlsh fails to format (a Python exception inside its formatter). The whole column value
// is then shown as its Python repr in the error color, and "Failed to format value ..." is
// printed after the row count. `message` is the Python exception's text.

export class FormatFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatFailure';
  }
}

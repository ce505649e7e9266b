import type { Json } from "./fake-discord-state.js";

/** Discord's documented message limits, checked the way the API does (400, code 50035). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  nonce: 25,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
} as const;

export interface ApiErrorBody {
  code: number;
  message: string;
  errors?: Json;
}

/** Collects Discord's nested `errors` object: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export class FormErrors {
  readonly errors: Json = {};
  add(path: Array<string | number>, code: string, message: string): void {
    let node = this.errors;
    for (const key of path) {
      node[String(key)] ??= {};
      node = node[String(key)] as Json;
    }
    const list = (node._errors ??= []) as Json[];
    list.push({ code, message });
  }
  maxLength(path: Array<string | number>, value: unknown, max: number): void {
    if (typeof value === "string" && value.length > max) {
      this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
    }
  }
  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }
  body(): ApiErrorBody {
    return { code: 50035, message: "Invalid Form Body", errors: this.errors };
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Characters that count toward the 6000 limit: title, description, field names/values, footer, author. */
export function embedSize(embed: Json): number {
  const footer = (embed.footer as Json | undefined)?.text;
  const author = (embed.author as Json | undefined)?.name;
  const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
  return (
    str(embed.title).length +
    str(embed.description).length +
    str(footer).length +
    str(author).length +
    fields.reduce((n, f) => n + str(f.name).length + str(f.value).length, 0)
  );
}

function checkEmbeds(embeds: unknown, errors: FormErrors): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(["embeds"], "BASE_TYPE_ARRAY", "Must be an array.");
    return;
  }
  if (embeds.length > LIMITS.embeds) {
    errors.add(["embeds"], "BASE_TYPE_MAX_LENGTH", `Must be ${LIMITS.embeds} or fewer in length.`);
  }
  (embeds as Json[]).forEach((embed, i) => {
    errors.maxLength(["embeds", i, "title"], embed.title, LIMITS.title);
    errors.maxLength(["embeds", i, "description"], embed.description, LIMITS.description);
    errors.maxLength(["embeds", i, "footer", "text"], (embed.footer as Json)?.text, LIMITS.footer);
    errors.maxLength(["embeds", i, "author", "name"], (embed.author as Json)?.name, LIMITS.author);
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    if (fields.length > LIMITS.fields) {
      errors.add(
        ["embeds", i, "fields"],
        "BASE_TYPE_MAX_LENGTH",
        `Must be ${LIMITS.fields} or fewer in length.`,
      );
    }
    fields.forEach((field, j) => {
      for (const key of ["name", "value"] as const) {
        if (str(field[key]).length === 0) {
          errors.add(
            ["embeds", i, "fields", j, key],
            "BASE_TYPE_REQUIRED",
            "This field is required",
          );
        }
      }
      errors.maxLength(["embeds", i, "fields", j, "name"], field.name, LIMITS.fieldName);
      errors.maxLength(["embeds", i, "fields", j, "value"], field.value, LIMITS.fieldValue);
    });
  });
  const total = (embeds as Json[]).reduce((n, e) => n + embedSize(e), 0);
  if (total > LIMITS.embedTotal) {
    errors.add(
      ["embeds"],
      "MAX_EMBED_SIZE_EXCEEDED",
      `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    );
  }
}

function checkComponents(components: unknown, errors: FormErrors): void {
  if (!Array.isArray(components)) return;
  if (components.length > LIMITS.actionRows) {
    errors.add(
      ["components"],
      "BASE_TYPE_MAX_LENGTH",
      `Must be ${LIMITS.actionRows} or fewer in length.`,
    );
  }
  (components as Json[]).forEach((row, i) => {
    const children = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (children.length > LIMITS.rowComponents) {
      errors.add(
        ["components", i, "components"],
        "BASE_TYPE_MAX_LENGTH",
        "Must be 5 or fewer in length.",
      );
    }
    const ids = new Set<string>();
    children.forEach((c, j) => {
      errors.maxLength(
        ["components", i, "components", j, "custom_id"],
        c.custom_id,
        LIMITS.customId,
      );
      errors.maxLength(["components", i, "components", j, "label"], c.label, LIMITS.buttonLabel);
      if (typeof c.custom_id === "string") {
        if (ids.has(c.custom_id)) {
          errors.add(
            ["components", i, "components", j, "custom_id"],
            "COMPONENT_CUSTOM_ID_DUPLICATED",
            "Component custom id cannot be duplicated",
          );
        }
        ids.add(c.custom_id);
      }
    });
  });
}

/**
 * Validates a message create/edit body. Returns the API error to answer with, or null.
 * `create` also rejects empty messages (50006) as POST /channels/{id}/messages does.
 */
export function validateMessage(body: Json, mode: "create" | "edit"): ApiErrorBody | null {
  const errors = new FormErrors();
  errors.maxLength(["content"], body.content, LIMITS.content);
  checkEmbeds(body.embeds, errors);
  checkComponents(body.components, errors);
  if (body.nonce !== undefined) errors.maxLength(["nonce"], String(body.nonce), LIMITS.nonce);
  if (!errors.empty) return errors.body();
  const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  if (mode === "create" && str(body.content).length === 0 && !hasEmbeds && !hasComponents) {
    return { code: 50006, message: "Cannot send an empty message" };
  }
  return null;
}

/** Autocomplete results: at most 25 choices, names 1..100 characters. */
export function validateChoices(choices: unknown): ApiErrorBody | null {
  const errors = new FormErrors();
  if (!Array.isArray(choices)) {
    errors.add(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required");
    return errors.body();
  }
  if (choices.length > LIMITS.choices) {
    errors.add(
      ["data", "choices"],
      "BASE_TYPE_MAX_LENGTH",
      `Must be ${LIMITS.choices} or fewer in length.`,
    );
  }
  (choices as Json[]).forEach((c, i) => {
    errors.maxLength(["data", "choices", i, "name"], c.name, LIMITS.choiceName);
    errors.maxLength(["data", "choices", i, "value"], c.value, LIMITS.choiceName);
  });
  return errors.empty ? null : errors.body();
}

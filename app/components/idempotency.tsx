/** The hidden idempotency key issued by the page's loader (see app/utils/idempotency.server.ts). */
export function IdempotencyField({ value }: { value: string }) {
  return <input type="hidden" name="_idem" value={value} />;
}

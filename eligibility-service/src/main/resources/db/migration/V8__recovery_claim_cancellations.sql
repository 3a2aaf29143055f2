-- A caseworker who rejects a MONEY_ALREADY_PAID case decides the money is not to be recovered: each of the case's
-- claims is cancelled, once. Claims are append-only, so the cancellation is a row of its own, never changed; a
-- cancelled claim still counts as claimed, so the same payment is never claimed again.
create table recovery_claim_cancellation (
    claim_id     uuid primary key references recovery_claim (claim_id),
    case_id      uuid        not null references caseworker_case (case_id),
    cancelled_by text        not null,
    reason       text        not null,
    cancelled_at timestamptz not null
);
create trigger recovery_claim_cancellation_append_only before update or delete on recovery_claim_cancellation
    for each row execute function forbid_change();

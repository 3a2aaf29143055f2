-- The family ledger shows a household's or a person's money in one place: the household an entitlement was decided in
-- and the decision behind its latest state (each row links to that decision's explanation). Both come with
-- eligibility's events; entitlements stored before this migration get them with their next version.
alter table entitlement
    add column household_id text,
    add column decision_id  text;

-- The ledger finds a household's or a person's entitlements by these keys in a few statements per request. None of them
-- is a column the payment run or the planner changes, so planning still updates entitlement rows in place (HOT).
create index entitlement_household on entitlement (household_id) where household_id is not null;
create index entitlement_recipient on entitlement (recipient_id);
create index entitlement_beneficiary on entitlement (beneficiary_id) where beneficiary_id is not null;
-- Claims by debtor whatever their status (the existing index holds only the open ones, for offsetting).
create index recovery_claim_debtor on recovery_claim (debtor_id);
-- The claims of the ledger's entitlements, read in one statement.
create index recovery_claim_entitlement on recovery_claim (entitlement_id);

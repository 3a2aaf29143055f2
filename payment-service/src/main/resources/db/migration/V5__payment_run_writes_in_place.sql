-- A payment run changes every payment of the month three times (assigned, sent, settled) and plans every monthly
-- entitlement once. Measured with auto_explain on a run of 100,000, each of those updates wrote a new row version and
-- a new entry in every index of the table: six for a payment. Two changes let most of them stay in place (a HOT update:
-- the new version on the same page, no index touched):

-- 1. No index may name a column such an update changes. Sent and settled change only the status and their times, but
--    the index of payments waiting for a run named the status; it now names the run, which a payment gets when it is
--    assigned and never loses (a scheduled payment never has one; cancelled and held ones are few and filtered out).
create index payment_unassigned on payment (payment_id, due_date) where run_id is null;
drop index payment_scheduled;

-- 2. A page must have room for the new version. Rows are written half a page at a time, so a month's payment can be
--    sent and settled, and an entitlement planned, on its own page; the dead versions are pruned there as the page is
--    next read. Only pages written from now on keep the room; a VACUUM FULL or pg_repack applies it to old ones.
alter table payment set (fillfactor = 50);
alter table entitlement set (fillfactor = 50);

-- 3. Payment ids in the order they are made (UUID version 7: 48 bits of milliseconds, then random bits), so a month's
--    payments lie side by side in the table and its indexes, and a run taking them in id order reads and writes
--    neighbouring pages instead of one page per payment. Months planned set-based take theirs from here; PostgreSQL 17
--    has no uuidv7() yet (18 has).
create function payment_uuid() returns uuid
    language sql volatile parallel safe
as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                                          placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                                          from 1 for 6),
                                  52, 1), 53, 1), 'hex')::uuid
$$;

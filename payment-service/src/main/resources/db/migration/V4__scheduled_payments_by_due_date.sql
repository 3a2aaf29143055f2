-- A run assigns the payments due by its date in payment-id order (a keyset over this index). On the payment day the
-- index also holds this month's payments, planned the same morning and due next month: half its entries, or more. With
-- the due date in the index, those are passed over inside the index instead of each being fetched from the table only
-- to be filtered out (a run of 1,000,000 assigned 17 times slower than one of 100,000).
drop index payment_scheduled;
create index payment_scheduled on payment (payment_id, due_date) where status = 'SCHEDULED';

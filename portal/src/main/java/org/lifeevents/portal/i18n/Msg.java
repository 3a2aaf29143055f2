package org.lifeevents.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the portal shows, in English; {@code messages/msg_zh_TW.properties} has the Traditional Chinese (Taiwan)
 * translation of each. Templates use them as {@code msg:key}; Java code through {@link Texts}. Keys named
 * {@code prefix_CODE} are the labels of the services' codes (benefits, statuses, case types, ...).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Family benefits portal")
    String app_name();

    @Message("English")
    String language_name();

    @Message("Language")
    String language_label();

    @Message("Skip to main content")
    String skip_to_content();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Main menu")
    String nav_label();

    @Message("My benefits")
    String nav_dashboard();

    @Message("Children and recipient")
    String nav_family();

    @Message("Consents")
    String nav_consents();

    @Message("Payout account")
    String nav_account();

    @Message("Payments")
    String nav_payments();

    @Message("Who used my data")
    String nav_tracker();

    @Message("Case queue")
    String nav_cases();

    @Message("Decision log")
    String nav_decisions();

    @Message("Audit")
    String nav_audit();

    @Message("Life-event benefits engine. Your data is used only for the purposes you consented to, and every use is listed under \"Who used my data\".")
    String footer_text();

    @Message("Benefits without applications")
    String welcome_title();

    @Message("When a child is born or a family member dies, the state already knows. This portal shows what your family is owed, pre-filled and explained, for you to confirm in one click.")
    String welcome_lead();

    @Message("Parents: see your offers and grants, why you get them, confirm, and manage consents and your payout account.")
    String welcome_point_parents();

    @Message("Caseworkers: work the queue of cases the rules could not decide.")
    String welcome_point_caseworkers();

    @Message("Auditors: read decisions, logs and the integrity checks.")
    String welcome_point_auditors();

    @Message("Continue to your pages")
    String welcome_continue();

    @Message("You sign in on the identity service's own page; the portal never sees your password.")
    String welcome_sign_in_hint();

    @Message("Back to my benefits")
    String back_to_dashboard();

    @Message("My benefits")
    String dashboard_title();

    @Message("Your offers could not be loaded just now.")
    String dashboard_offers_unavailable();

    @Message("There is nothing for you here yet. When the registry tells us about a birth or a death in your family, what you are owed appears here by itself.")
    String dashboard_nothing_yet();

    @Message("To confirm")
    String dashboard_to_confirm();

    @Message("Everything is filled in already. Check it and confirm; that is all.")
    String dashboard_to_confirm_hint();

    @Message("Granted automatically")
    String dashboard_granted();

    @Message("These are paid without anything from you.")
    String dashboard_granted_hint();

    @Message("Waiting for information")
    String dashboard_waiting();

    @Message("Not owed or ended")
    String dashboard_closed();

    @Message("Payments")
    String dashboard_payments();

    @Message("Paid to {iban}.")
    String dashboard_paid_to(String iban);

    @Message("Change the account")
    String dashboard_change_account();

    @Message("All payments")
    String dashboard_all_payments();

    @Message("No payout account yet")
    String missing_account_title();

    @Message("We do not know where to pay you. Your benefits are kept for you and paid in the first payment run after you give an account.")
    String missing_account_text();

    @Message("Add your payout account")
    String missing_account_action();

    @Message("Your consent is needed")
    String missing_consent_title();

    @Message("To work out your parental benefit we need your consent to use your taxable income for family benefits. Once you give it, the offer completes by itself.")
    String missing_consent_text();

    @Message("Give consent to use my income for family benefits")
    String missing_consent_action();

    @Message("For")
    String offer_for();

    @Message("Amount")
    String offer_amount();

    @Message("Period")
    String offer_period();

    @Message("First payment")
    String offer_first_payment();

    @Message("In the next payment run after you confirm")
    String offer_first_payment_after_confirm();

    @Message("Not scheduled yet")
    String offer_first_payment_unknown();

    @Message("What is missing")
    String offer_missing_title();

    @Message("Confirm")
    String offer_confirm();

    @Message("I take the parental benefit")
    String offer_take_parental();

    @Message("Only one parent can take the parental benefit for a birth. The other parent sees the same offer until one of you takes it.")
    String offer_parental_choice();

    @Message("Confirmed by {person}.")
    String offer_confirmed_by(String person);

    @Message("Why?")
    String offer_why();

    @Message("Details, or disagree with this decision")
    String offer_details_and_disagree();

    @Message("The decision")
    String offer_decision_title();

    @Message("{amount} a month")
    String amount_per_month(String amount);

    @Message("{from} to {until}")
    String period_months(String from, String until);

    @Message("from {from}")
    String period_from(String from);

    @Message("The decision's own words, as the eligibility service recorded them (in English).")
    String why_service_words_english();

    @Message("Facts used")
    String why_facts();

    @Message("from {source}")
    String why_fact_source(String source);

    @Message("{source} ({detail})")
    String source_with_detail(String source, String detail);

    @Message("from {source}, {date}")
    String why_fact_source_dated(String source, String date);

    @Message("Rules applied")
    String why_parameters();

    @Message("valid from {date}")
    String why_valid_from(String date);

    @Message("How it was worked out")
    String why_arithmetic();

    @Message("Legal basis")
    String why_legal_reference();

    @Message("{name} {year}")
    String input_of_year(String name, String year);

    @Message("an unnamed source")
    String source_unknown();

    @Message("I disagree")
    String disagree_title();

    @Message("If you think this decision is wrong, tell us why. A caseworker reads it, looks at the facts above and answers you.")
    String disagree_text();

    @Message("Why do you disagree?")
    String disagree_reason_label();

    @Message("For example: a fact is wrong, or something is missing.")
    String disagree_reason_hint();

    @Message("Write why you disagree.")
    String disagree_reason_required();

    @Message("Send to a caseworker")
    String disagree_submit();

    @Message("Children and monthly recipient")
    String family_title();

    @Message("The monthly benefits of a child go to one parent. The parent who receives them can hand them to the other parent from the 1st of next month.")
    String family_lead();

    @Message("Monthly {#if count == 1}benefit{#else}benefits{/if}:")
    String family_benefits(Integer count);

    @Message("You receive these benefits now.")
    String family_you_receive();

    @Message("Personal identification code of the other parent")
    String family_recipient_label();

    @Message("11 digits. Filled in from the birth record when we know the other parent.")
    String family_recipient_hint();

    @Message("Enter the other parent's personal identification code.")
    String family_recipient_required();

    @Message("Hand the monthly benefits to the other parent")
    String family_hand_over();

    @Message("These benefits go to the other parent ({person}). Only they can hand them back to you.")
    String family_other_receives(String person);

    @Message("No monthly benefits are paid for your children yet.")
    String family_none();

    @Message("Consents")
    String consents_title();

    @Message("You decide whether your data may be reused for family benefits. You can revoke a consent at any time; it stops any further use at once. Each grant and revocation comes with a signed receipt you can keep.")
    String consents_lead();

    @Message("My consents")
    String consents_mine();

    @Message("Purpose")
    String consents_col_purpose();

    @Message("Data")
    String consents_col_data();

    @Message("Valid")
    String consents_col_valid();

    @Message("Status")
    String consents_col_status();

    @Message("Signed receipt")
    String consents_col_receipt();

    @Message("Action")
    String consents_col_action();

    @Message("{from} to {until}")
    String consents_valid_range(String from, String until);

    @Message("until revoked")
    String consents_until_revoked();

    @Message("Download the receipt of the grant")
    String consents_download_grant();

    @Message("Download the receipt of the revocation")
    String consents_download_revocation();

    @Message("A receipt is a signed file (JWS) in the Kantara consent receipt format; anyone can check its signature with the consent service's published keys.")
    String consents_receipt_hint();

    @Message("Revoke")
    String consents_revoke();

    @Message("Revoke the consent for {purpose}: {categories}")
    String consents_revoke_named(String purpose, String categories);

    @Message("You have not given any consent.")
    String consents_none();

    @Message("Give a consent")
    String consents_grant_title();

    @Message("Purpose: family benefits. Choose which of your data may be used for it.")
    String consents_grant_text();

    @Message("Data that may be used")
    String consents_grant_categories();

    @Message("Valid until (optional)")
    String consents_grant_until();

    @Message("Leave empty for a consent that lasts until you revoke it.")
    String consents_grant_until_hint();

    @Message("Give consent")
    String consents_grant_submit();

    @Message("Choose at least one kind of data.")
    String consent_category_required();

    @Message("Payout account")
    String account_title();

    @Message("Where your benefits are paid")
    String account_current();

    @Message("IBAN")
    String account_iban();

    @Message("Given by")
    String account_source();

    @Message("Since")
    String account_since();

    @Message("Change the account")
    String account_change();

    @Message("Add your account")
    String account_set();

    @Message("Your bank account number in IBAN form, for example EE38 2200 2210 2014 5685. Spaces are fine.")
    String account_iban_hint();

    @Message("Save the account")
    String account_save();

    @Message("Payments")
    String payments_title();

    @Message("Every payment with its reference: the same reference appears on your bank statement.")
    String payments_lead();

    @Message("Payments with their bank reference")
    String payments_caption();

    @Message("Benefit")
    String payments_col_benefit();

    @Message("For")
    String payments_col_period();

    @Message("Amount")
    String payments_col_amount();

    @Message("Status")
    String payments_col_status();

    @Message("Date")
    String payments_col_date();

    @Message("Reference (EndToEndId)")
    String payments_col_reference();

    @Message("No payments yet.")
    String payments_none();

    @Message("Some payments wait for your payout account.")
    String payments_waiting_for_account();

    @Message("{benefit} (top-up)")
    String payment_top_up(String benefit);

    @Message("{amount} set off against a repayment")
    String payment_offset(String amount);

    @Message("Who used my data")
    String tracker_title();

    @Message("Every time a service read your income or household data, it is listed here: who, when, for what, and under which consent. The list cannot be changed afterwards.")
    String tracker_lead();

    @Message("When")
    String tracker_col_when();

    @Message("Who")
    String tracker_col_who();

    @Message("Which data")
    String tracker_col_what();

    @Message("Why")
    String tracker_col_why();

    @Message("Allowed by")
    String tracker_col_basis();

    @Message("covered by your consent")
    String tracker_covered();

    @Message("NOT covered by your consent")
    String tracker_not_covered();

    @Message("No service has used your data yet.")
    String tracker_none();

    @Message("Pages")
    String pager_label();

    @Message("Previous page")
    String pager_previous();

    @Message("Next page")
    String pager_next();

    @Message("Page {page} of {pages}")
    String pager_page(Integer page, Integer pages);

    @Message("Page {page}")
    String pager_page_of_items(Integer page);

    @Message("Case queue")
    String cases_title();

    @Message("Filters")
    String cases_filters();

    @Message("Status")
    String cases_filter_status();

    @Message("Type")
    String cases_filter_type();

    @Message("Assigned to (username)")
    String cases_filter_assignee();

    @Message("At least this many days old")
    String cases_filter_age();

    @Message("Any")
    String cases_filter_any();

    @Message("Show cases")
    String cases_filter_apply();

    @Message("Clear filters")
    String cases_filter_clear();

    @Message("{total} {#if total == 1}case{#else}cases{/if}")
    String cases_count(Long total);

    @Message("Case")
    String cases_col_case();

    @Message("Type")
    String cases_col_type();

    @Message("Status")
    String cases_col_status();

    @Message("Person")
    String cases_col_subject();

    @Message("Opened")
    String cases_col_opened();

    @Message("Days open")
    String cases_col_age();

    @Message("Assigned to")
    String cases_col_assignee();

    @Message("nobody yet")
    String cases_unassigned();

    @Message("No case matches these filters.")
    String cases_none();

    @Message("Back to the queue")
    String cases_back_to_queue();

    @Message("The case")
    String case_about();

    @Message("Household")
    String case_household();

    @Message("Entitlement")
    String case_entitlement();

    @Message("Explanation and inputs")
    String case_explanation();

    @Message("Decide")
    String case_decide();

    @Message("Take this case")
    String case_take();

    @Message("Written reason (required)")
    String case_reason_label();

    @Message("Write the reason for your decision.")
    String case_reason_required();

    @Message("Approve")
    String case_approve_title();

    @Message("Approve the case")
    String case_approve_submit();

    @Message("Reject")
    String case_reject_title();

    @Message("Reject the case")
    String case_reject_submit();

    @Message("Override the amount")
    String case_override_title();

    @Message("An override above {threshold} needs a second caseworker's approval before it takes effect.")
    String case_override_four_eyes(String threshold);

    @Message("New amount in euros")
    String case_override_amount();

    @Message("For example 1250.00")
    String case_override_amount_hint();

    @Message("Override with this amount")
    String case_override_submit();

    @Message("Second approval")
    String case_second_title();

    @Message("Another caseworker overrode this amount above the four-eyes limit. Check it and approve it with your own reason; you cannot approve your own override.")
    String case_second_text();

    @Message("Approve as second caseworker")
    String case_second_submit();

    @Message("What was done, by whom, and why")
    String case_log();

    @Message("When")
    String case_log_when();

    @Message("Who")
    String case_log_who();

    @Message("What")
    String case_log_what();

    @Message("Why")
    String case_log_why();

    @Message("Amount")
    String case_log_amount();

    @Message("Nothing has been done on this case yet.")
    String case_log_empty();

    @Message("Audit")
    String audit_title();

    @Message("Read-only: nothing on these pages changes anything.")
    String audit_lead();

    @Message("Integrity of the data tracker")
    String audit_chains_title();

    @Message("Every use of a person's data is recorded in a hash chain per person. Verification recomputes every entry and names the first place where a chain breaks.")
    String audit_chains_text();

    @Message("Only this person (optional)")
    String audit_chains_subject();

    @Message("A personal identification code; leave empty to verify every chain.")
    String audit_chains_subject_hint();

    @Message("Verify the chains now")
    String audit_chains_verify();

    @Message("All chains are intact.")
    String audit_chains_valid();

    @Message("A chain is broken: entries were altered, removed or reordered.")
    String audit_chains_broken();

    @Message("{chains} chains with {entries} entries checked; {broken} broken.")
    String audit_chains_counts(Long chains, Long entries, Long broken);

    @Message("Verified at {at}.")
    String audit_chains_verified_at(String at);

    @Message("First break: person {person}, entry {sequence}: {problem}.")
    String audit_chains_first_broken(String person, Long sequence, String problem);

    @Message("Decisions and cases")
    String audit_more_title();

    @Message("The decision log, with every explanation")
    String audit_more_decisions();

    @Message("Cases and what caseworkers did")
    String audit_more_cases();

    @Message("Decision log")
    String decisions_title();

    @Message("Personal identification code")
    String decisions_person();

    @Message("Benefit")
    String decisions_benefit();

    @Message("No decisions found.")
    String decisions_none();

    @Message("Decided")
    String decision_decided_at();

    @Message("Recipient")
    String decision_recipient();

    @Message("Rule and parameter versions")
    String decision_versions();

    @Message("Entitlement")
    String decision_entitlement();

    @Message("Hash")
    String decision_hash();

    @Message("Decision history of an entitlement")
    String history_title();

    @Message("The hash chain of these decisions is intact.")
    String history_chain_intact();

    @Message("The hash chain of these decisions is broken: a stored decision was changed.")
    String history_chain_broken();

    @Message("Something went wrong")
    String error_title_service();

    @Message("Not allowed")
    String error_title_forbidden();

    @Message("Not found")
    String error_title_not_found();

    @Message("If you contact us, quote this reference: {reference}")
    String error_reference(String reference);

    @Message("Go to your start page")
    String error_back_home();

    @Message("The service is not reachable right now. Please try again in a moment.")
    String problem_unreachable();

    @Message("Something unexpected happened. Please try again.")
    String problem_unexpected();

    @Message("This request did not come from a page of the portal, so it was refused.")
    String problem_cross_site();

    @Message("Some of what you entered was not accepted. Check the marked fields.")
    String problem_status_400();

    @Message("Your sign-in has expired. Sign in again.")
    String problem_status_401();

    @Message("Your role does not give you access to this.")
    String problem_status_403();

    @Message("We could not find this. It may not be yours, or it no longer exists.")
    String problem_status_404();

    @Message("This cannot be done now: its state has changed. Reload the page and check it again.")
    String problem_status_409();

    @Message("No payout account is known for you yet.")
    String problem_no_payout_account();

    @Message("Some of what you entered was not accepted. Check the marked fields.")
    String problem_validation_failed();

    @Message("A second approval must come from a different caseworker than the one who overrode the amount.")
    String problem_second_approver_must_differ();

    @Message("This consent has already expired, so it cannot be revoked.")
    String problem_consent_expired();

    @Message("Your role does not give you access to this.")
    String problem_forbidden();

    @Message("Your sign-in has expired. Sign in again.")
    String problem_unauthenticated();

    @Message("This value was not accepted.")
    String field_invalid();

    @Message("This field is required.")
    String field_required();

    @Message("This is not in the expected format.")
    String field_wrong_format();

    @Message("This value is out of the allowed range.")
    String field_out_of_range();

    @Message("This is not a valid personal identification code (11 digits with a check digit).")
    String field_invalid_person_id();

    @Message("This date is in the past.")
    String field_in_past();

    @Message("This is not a valid IBAN: the check digits do not match. Check for a typing mistake.")
    String field_iban_check_digits();

    @Message("This is not a valid IBAN: the country code is unknown or not supported.")
    String field_iban_country();

    @Message("This is not a valid IBAN: it has the wrong length for its country.")
    String field_iban_length();

    @Message("This is not a valid IBAN: the format does not fit its country.")
    String field_iban_format();

    @Message("Enter an amount in euros, with at most two decimals, for example 1250.00.")
    String field_amount_format();

    @Message("Confirmed. Thank you; you do not need to do anything else.")
    String done_confirmed();

    @Message("Your consent is recorded. You can download its signed receipt under Consents.")
    String done_consent_granted();

    @Message("Your consent is revoked. From now on your data is not used under it.")
    String done_consent_revoked();

    @Message("Your payout account is saved. Anything owed to you is paid in the next payment run.")
    String done_account_saved();

    @Message("Your disagreement was sent. A caseworker will look at it and answer you.")
    String done_disagreement_sent();

    @Message("Done. From the 1st of next month the other parent receives the monthly benefits.")
    String done_handed_over();

    @Message("You have taken the case.")
    String done_case_assigned();

    @Message("The case is approved.")
    String done_case_approved();

    @Message("The case is rejected.")
    String done_case_rejected();

    @Message("The amount is overridden.")
    String done_case_overridden();

    @Message("The override is recorded. It takes effect when a second caseworker approves it.")
    String done_case_override_waiting();

    @Message("Second approval given; the override takes effect.")
    String done_case_second_approved();

    @Message("Birth grant")
    String benefit_BIRTH_GRANT();

    @Message("Child allowance")
    String benefit_CHILD_ALLOWANCE();

    @Message("Large-family allowance")
    String benefit_LARGE_FAMILY_ALLOWANCE();

    @Message("Single-parent allowance")
    String benefit_SINGLE_PARENT_ALLOWANCE();

    @Message("Parental benefit")
    String benefit_PARENTAL_BENEFIT();

    @Message("Funeral grant")
    String benefit_FUNERAL_GRANT();

    @Message("Survivor's child allowance")
    String benefit_SURVIVOR_CHILD_ALLOWANCE();

    @Message("Waiting for your confirmation")
    String status_OFFERED();

    @Message("Granted")
    String status_GRANTED();

    @Message("Waiting for information")
    String status_PENDING();

    @Message("Not owed")
    String status_REFUSED();

    @Message("Ended")
    String status_STOPPED();

    @Message("We need your payout account to pay you.")
    String missing_PAYOUT_ACCOUNT();

    @Message("We need your consent to use your taxable income for family benefits.")
    String missing_CONSENT_TAX_INCOME();

    @Message("We could not confirm your consent with the consent service just now. Nothing is needed from you; we try again automatically.")
    String missing_CONSENT_CHECK();

    @Message("The tax authority has not reported your taxable income yet. Nothing is needed from you; the offer completes when it arrives.")
    String missing_TAX_INCOME();

    @Message("We are working out who receives this benefit. Nothing is needed from you.")
    String missing_RECIPIENT();

    @Message("The child does not live in a parent's household according to the population register. A caseworker will check it.")
    String missing_RESIDENT_PARENT();

    @Message("child")
    String input_child();

    @Message("date of birth")
    String input_birthDate();

    @Message("mother")
    String input_mother();

    @Message("father")
    String input_father();

    @Message("children born in the birth")
    String input_childrenInBirth();

    @Message("order within the birth")
    String input_birthOrder();

    @Message("position among the household's children")
    String input_childrenInHousehold();

    @Message("household")
    String input_household();

    @Message("legal parents")
    String input_legalParents();

    @Message("taken by")
    String input_takenBy();

    @Message("confirmation")
    String input_confirmation();

    @Message("consent")
    String input_consent();

    @Message("taxable income")
    String input_taxableIncome();

    @Message("hand-over of the monthly benefits")
    String input_monthlyRecipientHandover();

    @Message("death of a parent")
    String input_parentDied();

    @Message("deceased")
    String input_deceased();

    @Message("date of death")
    String input_dateOfDeath();

    @Message("spouse")
    String input_spouse();

    @Message("household member")
    String input_householdMember();

    @Message("surviving parents")
    String input_survivingParents();

    @Message("guardians")
    String input_guardians();

    @Message("what triggered the decision")
    String input_trigger();

    @Message("the civil registry")
    String source_civil_registry();

    @Message("the population register")
    String source_population_register();

    @Message("the tax authority")
    String source_tax_authority();

    @Message("the consent service")
    String source_consent_service();

    @Message("your own action in this portal")
    String source_citizen_portal();

    @Message("the eligibility service")
    String source_eligibility_service();

    @Message("the payment service")
    String source_payment_service();

    @Message("Birth grant per child")
    String parameter_BIRTH_GRANT_PER_CHILD();

    @Message("Birth grant per child in a multiple birth")
    String parameter_BIRTH_GRANT_PER_CHILD_MULTIPLE();

    @Message("Children born together for the higher birth grant")
    String parameter_BIRTH_GRANT_MULTIPLE_BIRTH_MIN_CHILDREN();

    @Message("Child allowance for the 1st and 2nd child")
    String parameter_CHILD_ALLOWANCE_FIRST_AND_SECOND();

    @Message("Child allowance for the 3rd and each further child")
    String parameter_CHILD_ALLOWANCE_THIRD_AND_FURTHER();

    @Message("Higher child allowance from this child on")
    String parameter_CHILD_ALLOWANCE_HIGHER_RATE_FROM_POSITION();

    @Message("Child allowance until this age")
    String parameter_CHILD_ALLOWANCE_AGE_LIMIT();

    @Message("Large-family allowance")
    String parameter_LARGE_FAMILY_ALLOWANCE();

    @Message("Children for the large-family allowance")
    String parameter_LARGE_FAMILY_MIN_CHILDREN();

    @Message("Higher large-family allowance")
    String parameter_LARGE_FAMILY_ALLOWANCE_HIGHER();

    @Message("Children for the higher large-family allowance")
    String parameter_LARGE_FAMILY_HIGHER_MIN_CHILDREN();

    @Message("Single-parent allowance")
    String parameter_SINGLE_PARENT_ALLOWANCE();

    @Message("Months of parental benefit")
    String parameter_PARENTAL_BENEFIT_MONTHS();

    @Message("Lowest parental benefit")
    String parameter_PARENTAL_BENEFIT_FLOOR();

    @Message("Highest parental benefit")
    String parameter_PARENTAL_BENEFIT_CAP();

    @Message("Funeral grant")
    String parameter_FUNERAL_GRANT();

    @Message("Age of an adult")
    String parameter_ADULT_AGE();

    @Message("Survivor's child allowance")
    String parameter_SURVIVOR_CHILD_ALLOWANCE();

    @Message("Survivor's child allowance until this age")
    String parameter_SURVIVOR_CHILD_ALLOWANCE_AGE_LIMIT();

    @Message("per child")
    String unit_EUR_cents_per_child();

    @Message("a month")
    String unit_EUR_cents_per_month();

    @Message("a month per household")
    String unit_EUR_cents_per_month_per_household();

    @Message("a month per child")
    String unit_EUR_cents_per_month_per_child();

    @Message("children")
    String unit_children();

    @Message("years")
    String unit_years();

    @Message("months")
    String unit_months();

    @Message("(position, counted from 1)")
    String unit_position__1_based();

    @Message("Scheduled")
    String payment_status_SCHEDULED();

    @Message("Being paid")
    String payment_status_IN_RUN();

    @Message("Sent to the bank")
    String payment_status_SENT();

    @Message("Paid")
    String payment_status_SETTLED();

    @Message("Returned by the bank")
    String payment_status_FAILED();

    @Message("Held")
    String payment_status_HELD();

    @Message("Set off against a repayment")
    String payment_status_OFFSET();

    @Message("Cancelled")
    String payment_status_CANCELLED();

    @Message("waiting for your payout account")
    String waiting_PAYOUT_ACCOUNT();

    @Message("paid on the due date")
    String waiting_DUE_DATE();

    @Message("held: the recipient has died")
    String waiting_RECIPIENT_DECEASED();

    @Message("Taxable income")
    String category_TAX_INCOME();

    @Message("Household data")
    String category_HOUSEHOLD();

    @Message("Your taxable income of the year before a birth, from the tax authority, to work out the parental benefit.")
    String category_hint_TAX_INCOME();

    @Message("Who lives in your household, from the population register, to work out the children's benefits.")
    String category_hint_HOUSEHOLD();

    @Message("Family benefits")
    String purpose_FAMILY_BENEFITS();

    @Message("In force")
    String consent_status_ACTIVE();

    @Message("Starts later")
    String consent_status_SCHEDULED();

    @Message("Expired")
    String consent_status_EXPIRED();

    @Message("Revoked")
    String consent_status_REVOKED();

    @Message("you, in this portal")
    String account_source_CITIZEN();

    @Message("the tax authority (your tax refund account)")
    String account_source_TAX_AUTHORITY();

    @Message("Eligibility service (works out your benefits)")
    String service_eligibility_service();

    @Message("Payment service")
    String service_payment_service();

    @Message("Consent service")
    String service_consent_service();

    @Message("your consent")
    String basis_CONSENT();

    @Message("a task set by law")
    String basis_STATUTORY_TASK();

    @Message("Open")
    String case_status_OPEN();

    @Message("Assigned")
    String case_status_ASSIGNED();

    @Message("Waiting for a second approval")
    String case_status_AWAITING_SECOND_APPROVAL();

    @Message("Resolved")
    String case_status_RESOLVED();

    @Message("Person unknown to the register")
    String case_type_UNKNOWN_PERSON();

    @Message("Conflicting household data")
    String case_type_HOUSEHOLD_CONFLICT();

    @Message("No payout account after 30 days")
    String case_type_NO_PAYOUT_ACCOUNT();

    @Message("Income data missing")
    String case_type_INCOME_MISSING();

    @Message("Payment rejected by the bank")
    String case_type_PAYMENT_REJECTED();

    @Message("Death to check")
    String case_type_DEATH_CHECK();

    @Message("Minors without a surviving parent")
    String case_type_MINORS_WITHOUT_PARENT();

    @Message("Change touches money already paid")
    String case_type_MONEY_ALREADY_PAID();

    @Message("Citizen disagrees")
    String case_type_CITIZEN_DISAGREES();

    @Message("Waiting too long for data")
    String case_type_PENDING_TIMEOUT();

    @Message("Rules cannot decide")
    String case_type_UNDECIDABLE();

    @Message("Opened")
    String case_action_OPENED();

    @Message("Assigned")
    String case_action_ASSIGNED();

    @Message("Approved")
    String case_action_APPROVED();

    @Message("Rejected")
    String case_action_REJECTED();

    @Message("Overridden")
    String case_action_OVERRIDDEN();

    @Message("Second approval")
    String case_action_SECOND_APPROVED();

    @Message("Resolved")
    String case_action_RESOLVED();

    @Message("an entry's content was changed")
    String chain_problem_CONTENT_ALTERED();

    @Message("an entry's hash was changed")
    String chain_problem_ENTRY_HASH_ALTERED();

    @Message("entries are missing or repeated")
    String chain_problem_SEQUENCE_GAP();

    @Message("an entry no longer links to the one before")
    String chain_problem_LINK_BROKEN();

    @Message("entries at the end are missing, or the chain's head was changed")
    String chain_problem_HEAD_MISMATCH();

    @Message("Family ledger")
    String nav_ledger();

    @Message("My family's money, month by month")
    String dashboard_family_money();

    @Message("Family ledger")
    String ledger_title();

    @Message("Look up a household or a person: every benefit, month by month, with what the rules owe and to whom, what was paid (with its bank reference and file), what was claimed back, and the difference.")
    String ledger_lead();

    @Message("Household id")
    String ledger_household();

    @Message("Personal identification code")
    String ledger_person();

    @Message("Show the ledger")
    String ledger_show();

    @Message("Give a household id or a personal identification code.")
    String ledger_ask();

    @Message("No benefit money is recorded for this household or person.")
    String ledger_none();

    @Message("Household {householdId}")
    String ledger_for_household(String householdId);

    @Message("Person {personId}")
    String ledger_for_person(String personId);

    @Message("As of {date}. Difference = owed − (paid − claimed back): above zero is still owed to the person; below zero was paid to them beyond what they are owed and not yet claimed back.")
    String ledger_as_of(String date);

    @Message("Per person")
    String ledger_people_title();

    @Message("Owed, paid, claimed back and the difference per person")
    String ledger_people_caption();

    @Message("{benefit}: owed, paid and claimed back per period and person")
    String ledger_entitlement_caption(String benefit);

    @Message("Period")
    String ledger_col_period();

    @Message("Person")
    String ledger_col_person();

    @Message("Owed")
    String ledger_col_owed();

    @Message("Paid")
    String ledger_col_paid();

    @Message("To be paid")
    String ledger_col_scheduled();

    @Message("Claimed back")
    String ledger_col_claimed();

    @Message("Difference")
    String ledger_col_difference();

    @Message("Payments and claims")
    String ledger_col_details();

    @Message("Total")
    String ledger_total();

    @Message("due on {date}")
    String ledger_due(String date);

    @Message("for {personId}")
    String ledger_beneficiary(String personId);

    @Message("Decision {decisionId}")
    String ledger_decision(String decisionId);

    @Message("A benefit known only from a recovery claim")
    String ledger_unknown_benefit();

    @Message("{personId} (you)")
    String ledger_you(String personId);

    @Message("{amount}, {status}")
    String ledger_payment(String amount, String status);

    @Message("{amount} top-up, {status}")
    String ledger_payment_top_up(String amount, String status);

    @Message("{amount} paid back from what was recovered for a claim now released, {status}")
    String ledger_payment_refund(String amount, String status);

    @Message("{text}, reference {reference}")
    String ledger_with_reference(String text, String reference);

    @Message("{text}, file {file}")
    String ledger_with_file(String text, String file);

    @Message("Claimed back {amount} ({remaining} still to recover): {reason}")
    String ledger_claim(String amount, String remaining, String reason);

    @Message("{claim}; {released} of it released, the month being owed to the person again")
    String ledger_claim_released(String claim, String released);

    @Message("My family's money")
    String mine_ledger_title();

    @Message("Every benefit you receive, or that is paid for you or your children, month by month: what is owed and to whom, what was paid, what was claimed back, and what is still owed.")
    String mine_ledger_lead();

    @Message("Month by month")
    String mine_ledger_heading();

    @Message("the recipient died before the month")
    String claim_reason_RECIPIENT_DIED();

    @Message("the child died before the month")
    String claim_reason_CHILD_DIED();

    @Message("the registration was revoked")
    String claim_reason_REVOKED();

    @Message("the registration was corrected")
    String claim_reason_CORRECTION();

    @Message("a caseworker's decision")
    String claim_reason_CASEWORKER_DECISION();

    @Message("no longer owed")
    String claim_reason_NO_LONGER_OWED();

    @Message("Notices")
    String nav_inbox();

    @Message("Notices")
    String inbox_title();

    @Message("Everything we decided, offered, paid or claim back, newest first. Each notice says where to act, the law it rests on and how to disagree.")
    String inbox_lead();

    @Message("You have no notices yet.")
    String inbox_none();

    @Message("New")
    String inbox_unread();

    @Message("See it and act")
    String inbox_act();

    @Message("I disagree")
    String inbox_disagree();

    @Message("Legal basis")
    String inbox_legal();

    @Message("Mark as read")
    String inbox_mark_read();

    @Message("E-mail")
    String inbox_email_label();

    @Message("being sent (tried again if it failed)")
    String inbox_email_PENDING();

    @Message("sent")
    String inbox_email_SENT();

    @Message("not sent (no verified address, or e-mail turned off)")
    String inbox_email_INBOX_ONLY();

    @Message("not sent (an older event)")
    String inbox_email_NOT_SENT_HISTORY();
}

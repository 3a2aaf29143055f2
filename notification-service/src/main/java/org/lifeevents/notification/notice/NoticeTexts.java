package org.lifeevents.notification.notice;

import java.time.Instant;
import java.time.LocalDate;

import org.lifeevents.common.money.Cents;
import org.lifeevents.notification.notice.NoticeDraft.Text;

/**
 * The notices in plain words, English and Traditional Chinese. The eligibility service's own explanation (English)
 * follows the plain words as the details; the link, the legal reference and how to disagree are added where the notice
 * is shown ({@link NoticeView}, the e-mail), so every notice carries them.
 */
public final class NoticeTexts {

    private NoticeTexts() {
    }

    /** Who a notice is for and which event it comes from. */
    public record For(String personId, String sourceEventId, Instant occurredAt) {
    }

    public static NoticeDraft offer(For to, String benefit, String entitlementId, Long amountCents, boolean monthly,
            String legalReference, String explanation) {
        return draft(to, NoticeKind.OFFER_TO_CONFIRM,
                new Text("Please confirm your " + Benefits.en(benefit),
                        "We have prepared a " + Benefits.en(benefit) + amountEn(amountCents, monthly)
                                + " for you. Check the details and confirm with one click; nothing else to fill in."
                                + details(explanation)),
                new Text("請確認您的" + Benefits.zhTw(benefit),
                        "我們已為您準備好" + Benefits.zhTw(benefit) + amountZh(amountCents, monthly)
                                + "。請核對內容，按一下即可確認，不需要再填寫任何資料。" + details(explanation)),
                offerPath(entitlementId), entitlementId, legalReference);
    }

    public static NoticeDraft granted(For to, String benefit, String entitlementId, Long amountCents, boolean monthly,
            String legalReference, String explanation) {
        return draft(to, NoticeKind.GRANTED,
                new Text("Your " + Benefits.en(benefit) + " is granted",
                        "You will receive the " + Benefits.en(benefit) + amountEn(amountCents, monthly)
                                + ". You do not need to apply: it is paid to your account." + details(explanation)),
                new Text("您的" + Benefits.zhTw(benefit) + "已核准",
                        "您將領取" + Benefits.zhTw(benefit) + amountZh(amountCents, monthly) + "。您不需要申請，款項會匯入您的帳戶。"
                                + details(explanation)),
                offerPath(entitlementId), entitlementId, legalReference);
    }

    public static NoticeDraft dataMissing(For to, String benefit, String entitlementId, String legalReference,
            String explanation) {
        return draft(to, NoticeKind.DATA_MISSING,
                new Text("We need something from you for your " + Benefits.en(benefit),
                        "We cannot decide your " + Benefits.en(benefit)
                                + " yet: some data or a consent is missing. Open the portal to see what is missing"
                                + " and give it; we decide again as soon as it arrives." + details(explanation)),
                new Text("您的" + Benefits.zhTw(benefit) + "還需要您提供資料",
                        "我們還無法決定您的" + Benefits.zhTw(benefit) + "：缺少某些資料或同意。請到入口網站查看缺少什麼並提供，資料一到我們就會重新決定。"
                                + details(explanation)),
                "/me", entitlementId, legalReference);
    }

    public static NoticeDraft refused(For to, String benefit, String entitlementId, String legalReference,
            String explanation) {
        return draft(to, NoticeKind.REFUSED,
                new Text("Your " + Benefits.en(benefit) + " is not granted",
                        "You are not owed the " + Benefits.en(benefit) + ". The details below say why."
                                + details(explanation)),
                new Text("您的" + Benefits.zhTw(benefit) + "未獲核准",
                        "您不符合領取" + Benefits.zhTw(benefit) + "的條件，原因請見下方說明。" + details(explanation)),
                offerPath(entitlementId), entitlementId, legalReference);
    }

    public static NoticeDraft changed(For to, String benefit, String entitlementId, Long amountCents, boolean monthly,
            String reason, String legalReference, String explanation) {
        return draft(to, NoticeKind.CHANGED,
                new Text("Your " + Benefits.en(benefit) + " has changed",
                        "We changed the decision on your " + Benefits.en(benefit) + " because "
                                + ReasonWords.en(reason) + "." + (amountCents == null ? ""
                                        : " It is now" + amountEn(amountCents, monthly) + ".")
                                + details(explanation)),
                new Text("您的" + Benefits.zhTw(benefit) + "有所變更",
                        "我們變更了您的" + Benefits.zhTw(benefit) + "決定，原因是" + ReasonWords.zhTw(reason) + "。"
                                + (amountCents == null ? "" : "目前金額為" + amountZh(amountCents, monthly).trim() + "。")
                                + details(explanation)),
                offerPath(entitlementId), entitlementId, legalReference);
    }

    public static NoticeDraft handedOver(For to, String benefit, String entitlementId, Long amountCents,
            boolean monthly, String reason, String legalReference, String explanation) {
        return draft(to, NoticeKind.HANDED_OVER,
                new Text("The " + Benefits.en(benefit) + " is now paid to you",
                        "Because " + ReasonWords.en(reason) + ", the " + Benefits.en(benefit)
                                + " is now paid to you" + amountEn(amountCents, monthly)
                                + ". Check your payout account in the portal." + details(explanation)),
                new Text(Benefits.zhTw(benefit) + "改為支付給您",
                        "由於" + ReasonWords.zhTw(reason) + "，" + Benefits.zhTw(benefit) + "改為支付給您"
                                + amountZh(amountCents, monthly) + "。請在入口網站確認您的收款帳戶。" + details(explanation)),
                offerPath(entitlementId), entitlementId, legalReference);
    }

    public static NoticeDraft stopped(For to, String benefit, String entitlementId, LocalDate lastOwedDate,
            String reason, String legalReference, String explanation) {
        return draft(to, NoticeKind.STOPPED,
                new Text("Your " + Benefits.en(benefit) + " ends",
                        "The " + Benefits.en(benefit) + " ends because " + ReasonWords.en(reason) + "."
                                + (lastOwedDate == null ? " Nothing is owed under it."
                                        : " It is owed up to " + lastOwedDate + ".")
                                + details(explanation)),
                new Text("您的" + Benefits.zhTw(benefit) + "終止",
                        Benefits.zhTw(benefit) + "終止，原因是" + ReasonWords.zhTw(reason) + "。"
                                + (lastOwedDate == null ? "此項目下沒有應付款項。" : "應付至 " + lastOwedDate + " 為止。")
                                + details(explanation)),
                offerPath(entitlementId), entitlementId, legalReference);
    }

    public static NoticeDraft paymentSent(For to, String benefit, String entitlementId, long amountCents,
            LocalDate periodStart, LocalDate periodEnd, LocalDate sentOn, String reference, String legalReference) {
        return draft(to, NoticeKind.PAYMENT_SENT,
                new Text("We paid you " + Cents.format(amountCents),
                        "We sent " + Cents.format(amountCents) + " of " + Benefits.en(benefit) + " for " + periodStart
                                + " to " + periodEnd + " to your account on " + sentOn + ". Reference: " + reference
                                + "."),
                new Text("我們已付給您 " + Cents.format(amountCents),
                        "我們已於 " + sentOn + " 將 " + periodStart + " 至 " + periodEnd + " 的" + Benefits.zhTw(benefit) + " "
                                + Cents.format(amountCents) + " 匯入您的帳戶。參考編號：" + reference + "。"),
                "/me/payments", entitlementId, legalReference);
    }

    public static NoticeDraft paymentReturned(For to, String benefit, String entitlementId, long amountCents,
            LocalDate periodStart, LocalDate periodEnd, String reference, String bankReason, String legalReference) {
        return draft(to, NoticeKind.PAYMENT_RETURNED,
                new Text("Your bank returned a payment of " + Cents.format(amountCents),
                        "Your bank returned " + Cents.format(amountCents) + " of " + Benefits.en(benefit) + " for "
                                + periodStart + " to " + periodEnd + " (bank's reason: " + bankReason
                                + "). The money is not lost: check your payout account in the portal and we pay it"
                                + " again. Reference: " + reference + "."),
                new Text("銀行退回了一筆 " + Cents.format(amountCents) + " 的款項",
                        "您的銀行退回了 " + periodStart + " 至 " + periodEnd + " 的" + Benefits.zhTw(benefit) + " "
                                + Cents.format(amountCents) + "（銀行原因：" + bankReason + "）。款項不會遺失：請在入口網站確認您的收款帳戶，我們會重新匯款。參考編號："
                                + reference + "。"),
                "/me/payout-account", entitlementId, legalReference);
    }

    public static NoticeDraft recoveryClaim(For to, String entitlementId, long amountCents, LocalDate periodStart,
            LocalDate periodEnd, String reason, String legalReference, String explanation) {
        return draft(to, NoticeKind.RECOVERY_CLAIM,
                new Text("We must recover " + Cents.format(amountCents),
                        Cents.format(amountCents) + " was paid for " + periodStart + " to " + periodEnd
                                + " that was not owed, because " + ReasonWords.en(reason)
                                + ". It is taken from your next payments; you do not need to pay anything now."
                                + details(explanation)),
                new Text("我們須追回 " + Cents.format(amountCents),
                        periodStart + " 至 " + periodEnd + " 已支付的 " + Cents.format(amountCents) + " 並非應付款項，原因是"
                                + ReasonWords.zhTw(reason) + "。此金額會從您之後的款項中扣除，您現在不需要繳回任何款項。" + details(explanation)),
                "/me/payments", entitlementId, legalReference);
    }

    public static NoticeDraft recoveryCancelled(For to, String entitlementId, long amountCents, String legalReference,
            String explanation) {
        return draft(to, NoticeKind.RECOVERY_CANCELLED,
                new Text("We no longer claim " + Cents.format(amountCents),
                        "We no longer recover " + Cents.format(amountCents) + " from you." + details(explanation)),
                new Text("我們不再追回 " + Cents.format(amountCents),
                        "我們不再向您追回 " + Cents.format(amountCents) + "。" + details(explanation)),
                "/me/payments", entitlementId, legalReference);
    }

    public static NoticeDraft caseDecided(For to, String entitlementId, String resolution, String reason) {
        return draft(to, NoticeKind.CASE_DECIDED,
                new Text("A caseworker decided on your case",
                        "A caseworker looked at your case and decided: " + ResolutionWords.en(resolution)
                                + ". Their reason: " + reason),
                new Text("承辦人員已就您的案件作出決定",
                        "承辦人員已審查您的案件，決定：" + ResolutionWords.zhTw(resolution) + "。理由：" + reason),
                entitlementId == null ? "/me" : offerPath(entitlementId), entitlementId, null);
    }

    private static NoticeDraft draft(For to, NoticeKind kind, Text en, Text zhTw, String actionPath,
            String entitlementId, String legalReference) {
        return new NoticeDraft(to.personId(), to.sourceEventId(), kind, to.occurredAt(), en, zhTw, actionPath,
                entitlementId == null ? "/me" : offerPath(entitlementId) + "/disagree", legalReference);
    }

    private static String offerPath(String entitlementId) {
        return "/me/offers/" + entitlementId;
    }

    private static String amountEn(Long amountCents, boolean monthly) {
        return amountCents == null ? "" : " of " + Cents.format(amountCents) + (monthly ? " a month" : "");
    }

    private static String amountZh(Long amountCents, boolean monthly) {
        return amountCents == null ? "" : (monthly ? "，每月 " : "，金額 ") + Cents.format(amountCents);
    }

    private static String details(String explanation) {
        return explanation == null || explanation.isBlank() ? "" : "\n\n" + explanation;
    }
}

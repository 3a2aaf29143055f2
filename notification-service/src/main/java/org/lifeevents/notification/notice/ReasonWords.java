package org.lifeevents.notification.notice;

import java.util.Map;

/**
 * Why a decision changed or ended, in plain words: the eligibility service's change reasons and causes
 * ({@code EntitlementChangedEvent.changeReason}, {@code EntitlementStoppedEvent.reason}), and a recovery claim's
 * reason. A code not listed here reads as "the facts changed"; the explanation that follows gives the detail.
 */
final class ReasonWords {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("CONFIRMED", new String[] { "you confirmed it", "您已確認" }),
            Map.entry("DATA_ARRIVED", new String[] { "the data it waited for arrived", "所等待的資料已送達" }),
            Map.entry("WAITING_FOR_DATA", new String[] { "it now waits for data", "目前需等待資料" }),
            Map.entry("REFUSED", new String[] { "it is no longer owed", "已不符合條件" }),
            Map.entry("TAKEN_BY_OTHER_PARENT", new String[] { "the other parent takes it", "由另一位家長領取" }),
            Map.entry("RECIPIENT_CHANGED", new String[] { "who receives it changed", "領取人已變更" }),
            Map.entry("AMOUNT_CHANGED", new String[] { "the amount changed", "金額已變更" }),
            Map.entry("PERIODS_CHANGED", new String[] { "the months it covers changed", "涵蓋的月份已變更" }),
            Map.entry("STATUS_CHANGED", new String[] { "its status changed", "狀態已變更" }),
            Map.entry("REINSTATED", new String[] { "it is owed again", "已恢復給付" }),
            Map.entry("REVOKED", new String[] { "a registration it rested on was revoked", "其依據的登記已被撤銷" }),
            Map.entry("CHILD_DIED", new String[] { "of the death of the child", "子女死亡" }),
            Map.entry("RECIPIENT_DIED", new String[] { "of the death of the person it was paid to", "原領取人死亡" }),
            Map.entry("CASEWORKER_DECISION", new String[] { "of a caseworker's decision", "承辦人員的決定" }),
            Map.entry("CORRECTION", new String[] { "a registration was corrected", "登記資料已更正" }),
            Map.entry("NO_LONGER_OWED", new String[] { "the facts changed", "相關事實已改變" }));

    private static final String[] FACTS_CHANGED = { "the facts changed", "相關事實已改變" };

    private ReasonWords() {
    }

    static String en(String code) {
        return WORDS.getOrDefault(code, FACTS_CHANGED)[0];
    }

    static String zhTw(String code) {
        return WORDS.getOrDefault(code, FACTS_CHANGED)[1];
    }
}

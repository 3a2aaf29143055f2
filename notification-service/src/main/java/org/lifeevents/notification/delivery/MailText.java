package org.lifeevents.notification.delivery;

/** The e-mail of a notice in the citizen's language: the notice's words, then where to act, the law, how to disagree. */
final class MailText {

    private MailText() {
    }

    static String body(String language, String body, String actionUrl, String legalReference, String disagreeUrl) {
        boolean zh = "zh-TW".equals(language);
        StringBuilder text = new StringBuilder(body).append("\n\n");
        text.append(zh ? "查看並處理：" : "See it and act: ").append(actionUrl).append('\n');
        if (legalReference != null) {
            text.append(zh ? "法律依據：" : "Legal basis: ").append(legalReference).append('\n');
        }
        text.append(zh ? "如有異議，請在此告訴我們，承辦人員會閱讀並回覆您：" : "If you disagree, tell us here; a caseworker reads it and answers you: ")
                .append(disagreeUrl).append('\n');
        text.append('\n').append(zh ? "此通知也在您的入口網站收件匣中。您可以在入口網站變更電子郵件設定。"
                : "This notice is also in your inbox in the portal, where you can change your e-mail settings.");
        return text.toString();
    }
}

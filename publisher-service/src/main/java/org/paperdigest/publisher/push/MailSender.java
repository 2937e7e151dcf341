package org.paperdigest.publisher.push;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** Mails a revision to one subscriber over SMTP ({@code quarkus.mailer.*}), with an HTML and a text part. */
@ApplicationScoped
class MailSender {

    private final Mailer mailer;
    private final Template html;
    private final Template text;

    MailSender(Mailer mailer, @Location("push/issue-mail.html") Template html,
            @Location("push/issue-mail.txt") Template text) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
    }

    void send(String address, PushedIssue issue) {
        Mail mail = Mail.withText(address, issue.subject(), text.data("issue", issue).render())
                .setHtml(html.data("issue", issue).render());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            throw new PushFailedException("the SMTP server did not take the message (" + e.getMessage() + ")", e);
        }
    }
}

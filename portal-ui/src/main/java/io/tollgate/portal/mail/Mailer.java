package io.tollgate.portal.mail;

import io.tollgate.portal.common.PortalException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the portal's e-mails over SMTP when spring.mail.* is configured. Without SMTP (a local or standalone run)
 * each e-mail is written to the log instead, links included, so whoever runs the portal can follow them.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final @Nullable JavaMailSender smtp;
    private final PortalMailProperties properties;

    public Mailer(ObjectProvider<JavaMailSender> smtp, PortalMailProperties properties) {
        this.smtp = smtp.getIfAvailable();
        this.properties = properties;
    }

    /** Whether e-mails reach their recipients (SMTP is configured), rather than the log. */
    public boolean delivers() {
        return smtp != null;
    }

    /** The portal's public address followed by the path, for links in e-mails. */
    public String link(String path) {
        return properties.linksUrl().replaceAll("/+$", "") + "/" + path;
    }

    public void send(String to, String subject, String text) {
        if (smtp == null) {
            log.warn("No SMTP server configured (SPRING_MAIL_HOST): this e-mail to {} is only logged.\nSubject: {}\n{}",
                    to, subject, text);
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            smtp.send(message);
        } catch (MailException e) {
            log.warn("SMTP delivery to {} failed", to, e);
            throw new PortalException("The e-mail could not be sent; please try again later");
        }
    }
}

package io.tollgate.billing.alerts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mails an alert to the tenant's billing address over SMTP (spring.mail.*); no SMTP configured means skipped. */
@Component
class AlertEmailSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertProperties properties;

    AlertEmailSender(ObjectProvider<JavaMailSender> mailSender, AlertProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    boolean canSend(PendingAlert alert) {
        return alert.billingEmail() != null && mailSender.getIfAvailable() != null;
    }

    void send(PendingAlert alert) {
        var message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(alert.billingEmail());
        message.setSubject("[Tollgate] " + alert.tenantName() + ": budget at " + alert.thresholdPercent() + "%");
        message.setText("""
                The %s budget of %s (%s) has reached %d%% for the period starting %s.

                Spent: %s USD of %s USD.
                Alert id: %s
                """.formatted(alert.period().toLowerCase(), alert.tenantName(), alert.scope().toLowerCase(),
                alert.thresholdPercent(), alert.periodStart(), alert.spentUsd().toPlainString(),
                alert.budgetUsd().toPlainString(), alert.id()));
        try {
            mailSender.getObject().send(message);
        } catch (MailException e) {
            throw new DeliveryException("SMTP delivery failed: " + e.getClass().getSimpleName());
        }
    }
}

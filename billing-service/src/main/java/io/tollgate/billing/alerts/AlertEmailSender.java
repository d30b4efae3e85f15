package io.tollgate.billing.alerts;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails an alert to every billing contact of the tenant over SMTP (spring.mail.*); no SMTP configured, or no
 * contacts, means skipped.
 */
@Component
class AlertEmailSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertProperties properties;
    private final JdbcClient jdbc;

    AlertEmailSender(ObjectProvider<JavaMailSender> mailSender, AlertProperties properties, JdbcClient jdbc) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The tenant's billing contacts as they are now, first added first; none when no SMTP is configured. */
    List<String> recipients(PendingAlert alert) {
        if (mailSender.getIfAvailable() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select email from tenant_billing_contacts where tenant_id = :tenant
                        order by created_at, id""")
                .param("tenant", alert.tenantId()).query(String.class).list();
    }

    /** One message per contact, so no contact sees the others' addresses; sent over one SMTP connection. */
    void send(PendingAlert alert, List<String> recipients) {
        SimpleMailMessage[] messages = recipients.stream().map(address -> message(alert, address))
                .toArray(SimpleMailMessage[]::new);
        try {
            mailSender.getObject().send(messages);
        } catch (MailException e) {
            throw new DeliveryException("SMTP delivery failed: " + e.getClass().getSimpleName());
        }
    }

    private SimpleMailMessage message(PendingAlert alert, String address) {
        var message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(address);
        message.setSubject("[Tollgate] " + alert.tenantName() + ": budget at " + alert.thresholdPercent() + "%");
        message.setText("""
                The %s budget of %s (%s) has reached %d%% for the period starting %s.

                Spent: %s USD of %s USD.
                Alert id: %s
                """.formatted(alert.period().toLowerCase(), alert.tenantName(), alert.scope().toLowerCase(),
                alert.thresholdPercent(), alert.periodStart(), alert.spentUsd().toPlainString(),
                alert.budgetUsd().toPlainString(), alert.id()));
        return message;
    }
}

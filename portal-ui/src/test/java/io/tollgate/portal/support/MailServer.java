package io.tollgate.portal.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Points the portal's SMTP client at the tests' {@link Mailbox}: what spring.mail.host and spring.mail.port do in
 * production, here as a bean because the server's port is only known once it runs.
 */
@Configuration(proxyBeanMethods = false)
class MailServer {

    @Bean
    JavaMailSender testMailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(Mailbox.SMTP.getSmtp().getPort());
        return sender;
    }
}

package io.tollgate.portal.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's outgoing e-mail: the sender address (TOLLGATE_PORTAL_MAIL_FROM) and the portal's public address that
 * links in e-mails start with (TOLLGATE_PORTAL_URL). Links never come from a request's Host header, which a caller
 * chooses. The SMTP server itself is Spring Boot's spring.mail.* (SPRING_MAIL_HOST...).
 */
@ConfigurationProperties("tollgate.portal.mail")
public record PortalMailProperties(@DefaultValue("portal@tollgate.local") String from,
                                   @DefaultValue("http://localhost:8081") String linksUrl) {
}

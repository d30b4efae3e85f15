package io.tollgate.portal.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The portal's outgoing e-mail: the sender address (TOLLGATE_PORTAL_MAIL_FROM) and the portal's public address that
 * links in e-mails start with (TOLLGATE_PORTAL_URL). Links never come from a request's Host header, which a caller
 * chooses. The SMTP server itself is Spring Boot's spring.mail.* (SPRING_MAIL_HOST...).
 */
@ConfigurationProperties("tollgate.portal.mail")
@Validated
public record PortalMailProperties(@DefaultValue("portal@tollgate.local") @NotBlank @Email String from,
                                   @DefaultValue("http://localhost:8081") @NotBlank @URL String linksUrl) {
}

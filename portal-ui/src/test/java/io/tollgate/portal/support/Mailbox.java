package io.tollgate.portal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail on a free port) that every portal test's e-mail goes to, shared by the test JVM like
 * the Spring context (see {@link MailServer}). Tests read what a person would find in their inbox.
 */
public final class Mailbox {

    static final GreenMail SMTP = start();

    private Mailbox() {
    }

    /** Every e-mail the address received so far, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /**
     * The path (from its first slash after the host) of the newest link to {@code /route/...} e-mailed to the
     * address, waiting for the e-mail to arrive.
     */
    public static String linkPath(String address, String route) {
        Pattern link = Pattern.compile("https?://[^/\\s]+(/" + Pattern.quote(route) + "/[A-Za-z0-9_-]+)");
        return Awaitility.await("a link to /" + route + " e-mailed to " + address).atMost(Duration.ofSeconds(20))
                .until(() -> newestLink(address, link), Optional::isPresent).orElseThrow();
    }

    /** The token at the end of such a link. */
    public static String token(String address, String route) {
        String path = linkPath(address, route);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Optional<String> newestLink(String address, Pattern link) {
        List<MimeMessage> received = to(address);
        for (int i = received.size() - 1; i >= 0; i--) {
            Matcher found = link.matcher(GreenMailUtil.getBody(received.get(i)).replace("=\r\n", ""));
            if (found.find()) {
                return Optional.of(found.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return greenMail;
    }
}

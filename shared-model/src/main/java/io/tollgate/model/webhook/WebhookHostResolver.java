package io.tollgate.model.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a webhook's host name into addresses; the system's DNS in production, a scripted one in tests. */
@FunctionalInterface
public interface WebhookHostResolver {

    WebhookHostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}

package io.tollgate.portal.support;

import io.tollgate.portal.tokens.AccessTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A management API test over real HTTP, as a script calls it: an {@link ManagementApi} client of the running portal,
 * fresh {@link Tenants} and {@link AccessTokens} made as an admin would. A subclass's own {@code @BeforeEach} runs
 * after these are set.
 */
@PortalIntegrationTest
public abstract class ManagementApiIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected AccessTokenService tokenService;

    protected ManagementApi api;
    protected Tenants tenants;
    protected AccessTokens tokens;

    @BeforeEach
    void aClientOfTheManagementApi() {
        api = new ManagementApi(port);
        tenants = new Tenants(jdbc);
        tokens = new AccessTokens(tokenService);
    }

    @AfterEach
    void forgetThisClientsFailures() {
        // every test talks from 127.0.0.1; a lockout left behind would refuse the next test's tokens
        jdbc.sql("delete from client_auth_failures").update();
    }
}

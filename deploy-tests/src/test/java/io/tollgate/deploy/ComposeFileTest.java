package io.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against the Compose Specification's JSON schema (vendored from the npm package dclint 3.1.0,
 * which carries the specification's current schema), and the rules the file promises its users.
 */
class ComposeFileTest {

    private static final ObjectMapper json = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(schemaWithoutRelativeId());

    private final JsonNode compose = json.valueToTree(new Yaml().<Map<String, Object>>load(Repository.read("docker-compose.yml")));

    @Test
    void the_file_follows_the_compose_specification() {
        Set<ValidationMessage> errors = SCHEMA.validate(compose);

        assertThat(errors).isEmpty();
    }

    @Test
    void the_schema_check_refuses_a_misspelt_key() {
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("portal")).put("helthcheck", "nope");

        assertThat(SCHEMA.validate(broken)).extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("helthcheck"));
    }

    @Test
    void every_service_has_a_healthcheck_except_one_shots_that_their_dependants_await_to_completion() {
        var oneShots = services().stream().filter(name -> !compose.path("services").path(name).has("restart")).toList();
        assertThat(oneShots).containsExactly("migrate");

        for (String name : services()) {
            JsonNode service = compose.path("services").path(name);
            if (oneShots.contains(name)) {
                continue;
            }
            assertThat(service.path("healthcheck").path("test").isArray()).as("%s has a healthcheck", name).isTrue();
            assertThat(service.path("healthcheck").path("disable").asBoolean(false)).as(name).isFalse();
        }
        for (String name : services()) {
            compose.path("services").path(name).path("depends_on").properties().forEach(dependency -> {
                String condition = dependency.getValue().path("condition").asText();
                assertThat(condition).as("%s waits for %s", name, dependency.getKey()).isEqualTo(
                        oneShots.contains(dependency.getKey()) ? "service_completed_successfully" : "service_healthy");
            });
        }
    }

    @Test
    void two_gateways_each_keep_their_usage_spool_on_a_named_volume_of_their_own() {
        var gateways = services().stream().filter(name -> name.startsWith("gateway-")).toList();
        assertThat(gateways).hasSize(2);
        var volumes = gateways.stream().map(name -> compose.path("services").path(name).path("volumes").get(0).asText())
                .toList();

        assertThat(volumes).doesNotHaveDuplicates().allSatisfy(volume -> {
            assertThat(volume).endsWith(":/var/lib/tollgate/spool");
            assertThat(compose.path("volumes").has(volume.substring(0, volume.indexOf(':')))).as(volume).isTrue();
        });
        gateways.forEach(name -> assertThat(compose.path("services").path(name).path("environment")
                .path("TOLLGATE_GATEWAY_SPOOL_DIR").asText()).isEqualTo("/var/lib/tollgate/spool"));
    }

    @Test
    void secrets_come_from_the_environment_without_defaults_and_management_ports_stay_private() {
        JsonNode environment = compose.path("services").path("portal").path("environment");
        for (String secret : List.of("TOLLGATE_API_KEY_SECRET", "TOLLGATE_MASTER_KEYS", "TOLLGATE_DB_PASSWORD")) {
            assertThat(environment.path(secret).asText()).as(secret).startsWith("${" + secret + ":?");
        }
        for (String name : services()) {
            compose.path("services").path(name).path("ports").forEach(port ->
                    assertThat(port.asText()).as("%s publishes no management port", name).doesNotContain(":908"));
        }
    }

    @Test
    void the_service_images_run_a_jre_as_a_non_root_user_and_exit_on_out_of_memory() {
        String dockerfile = Repository.read("Dockerfile");
        Matcher runtime = Pattern.compile("(?s)FROM (\\S+) AS runtime\\n(.*?)\\n\\nFROM").matcher(dockerfile);
        assertThat(runtime.find()).isTrue();

        assertThat(runtime.group(1)).matches("eclipse-temurin:25-jre.*");
        assertThat(runtime.group(2)).contains("USER 10001:10001").contains("\"-XX:+ExitOnOutOfMemoryError\"");
        for (String service : List.of("gateway", "portal", "billing")) {
            assertThat(dockerfile).as(service).containsPattern("FROM runtime AS " + service + "\\n");
            assertThat(compose.path("services").path(service.equals("gateway") ? "gateway-1" : service)
                    .path("build").path("target").asText()).isEqualTo(service);
        }
    }

    @Test
    void the_gateway_image_starts_with_its_whole_heap_and_still_exits_on_out_of_memory() {
        Matcher gateway = Pattern.compile("(?s)FROM runtime AS gateway\\n(.*?)\\n\\nFROM")
                .matcher(Repository.read("Dockerfile"));
        assertThat(gateway.find()).isTrue();

        assertThat(gateway.group(1)).contains("ENTRYPOINT", "\"-XX:+ExitOnOutOfMemoryError\"",
                "\"-XX:MaxRAMPercentage=75\"", "\"-XX:InitialRAMPercentage=75\"", "\"/opt/tollgate/app.jar\"");
    }

    /** The schema's relative "$id" has no base to resolve against here; its references are all internal. */
    private static JsonNode schemaWithoutRelativeId() {
        try (var schema = ComposeFileTest.class.getResourceAsStream("/compose-spec.schema.json")) {
            ObjectNode node = (ObjectNode) json.readTree(schema);
            node.remove("$id");
            return node;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> services() {
        return compose.path("services").propertyStream().map(Map.Entry::getKey).toList();
    }
}

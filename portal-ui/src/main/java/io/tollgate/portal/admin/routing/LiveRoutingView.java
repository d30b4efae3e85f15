package io.tollgate.portal.admin.routing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's routing as it happens: per deployment, the breaker state, latency, error rate, calls in flight and
 * use of the provider capacity over the last minute, summed over the gateway replicas, polled every
 * {@link #POLL_MILLIS} (the replicas publish every 2 s).
 */
@Route(value = "admin/routing", layout = MainLayout.class)
@PageTitle("Live routing · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class LiveRoutingView extends VerticalLayout {

    static final int POLL_MILLIS = 2_000;

    private final LiveRoutingService live;
    private final Grid<DeploymentLiveState> grid = new Grid<>();
    private final Span summary = new Span();
    private @Nullable Registration polling;

    LiveRoutingView(LiveRoutingService live) {
        this.live = live;
        grid.addColumn(DeploymentLiveState::modelName).setHeader("Model").setAutoWidth(true).setFrozen(true);
        grid.addColumn(d -> d.providerName() + " · " + d.upstreamModel() + (d.enabled() ? "" : " (disabled)"))
                .setHeader("Deployment").setAutoWidth(true);
        grid.addComponentColumn(LiveRoutingView::breaker).setHeader("Breaker").setAutoWidth(true);
        grid.addColumn(d -> LiveFormat.latency(d.latencyMs())).setHeader("Latency (moving avg)").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(d -> LiveFormat.errorRate(d.windowFailedCalls(), d.windowCalls())).setHeader("Error rate")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        Counts.column(grid, DeploymentLiveState::inFlight).setHeader("In flight").setAutoWidth(true);
        grid.addColumn(d -> LiveFormat.quota(d.requestsLastMinute(), d.requestsPerMinute()))
                .setHeader("Requests / min").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(d -> LiveFormat.quota(d.tokensLastMinute(), d.tokensPerMinute()))
                .setHeader("Tokens / min").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(d -> d.replicas() + (d.staleReplicas() == 0 ? "" : " (+" + d.staleReplicas() + " stale)"))
                .setHeader("Replicas").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.setId("live-routing-grid");
        grid.setSizeFull();
        summary.setId("live-routing-summary");
        add(new H2("Live routing"), new Span("What the gateway replicas report of each deployment, refreshed every "
                + POLL_MILLIS / 1_000 + " s. Error rate over each breaker's recent calls; requests and tokens over "
                + "the last minute against the provider capacity set on the deployment. A replica silent for "
                + LiveRoutingService.FRESH_SECONDS + " s counts as stale and is left out."), summary, grid);
        setSizeFull();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var ui = attach.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** Red while a breaker keeps traffic off, amber while it probes. */
    private static Span breaker(DeploymentLiveState deployment) {
        var text = new Span(LiveFormat.breaker(deployment.breakerStates()));
        if (!deployment.breakerStates().isEmpty()) {
            switch (deployment.breakerStates().getFirst()) {
                case "OPEN", "FORCED_OPEN" -> text.getStyle().setColor("var(--lumo-error-text-color)").setFontWeight("600");
                case "HALF_OPEN" -> text.getStyle().setColor("var(--lumo-warning-text-color, #b35c00)");
                default -> {
                    // closed: plain
                }
            }
        }
        return text;
    }

    private void refresh() {
        List<DeploymentLiveState> deployments = live.deployments();
        grid.setItems(deployments);
        long open = deployments.stream().filter(d -> !d.breakerStates().isEmpty()
                && d.breakerStates().getFirst().contains("OPEN")).count();
        int reporting = live.replicasReporting();
        summary.setText(Counts.format(deployments.size()) + " deployments · " + open + " with an open or half-open breaker · "
                + reporting + (reporting == 1 ? " replica reporting" : " replicas reporting"));
    }
}

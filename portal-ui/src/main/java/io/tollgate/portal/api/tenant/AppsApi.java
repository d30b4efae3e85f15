package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.apps.AppCacheSettings;
import io.tollgate.portal.apps.AppDraft;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.apps.AppSummary;
import io.tollgate.portal.common.PortalException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's apps, through {@link AppService} as on the Apps screen. */
@RestController
@RequestMapping("/api/v1/apps")
@Tag(name = "Apps", description = "Tenant apps (tenant ADMIN and DEVELOPER change them, BILLING reads; "
        + "the response cache is the ADMIN's)")
class AppsApi {

    record App(UUID id, String name, String description, String status, Instant createdAt, Cache cache,
               long version) {

        static App of(AppSummary app) {
            return new App(app.id(), app.name(), app.description(), app.status(), app.createdAt(),
                    new Cache(app.cache().enabled(), app.cache().nondeterministic()), app.version());
        }
    }

    /**
     * The gateway's exact response cache for the app: enabled answers identical requests (same tenant, model and
     * body) from the cache at no cost; nondeterministic also caches requests whose answer may vary (temperature
     * above 0 or unset, a user field), only with enabled.
     */
    record Cache(boolean enabled, boolean nondeterministic) {
    }

    /** nondeterministic defaults to false. */
    record CacheRequest(@Nullable Boolean enabled, @Nullable Boolean nondeterministic) {

        AppCacheSettings settings() {
            if (enabled == null) {
                throw new PortalException("Say whether the cache is enabled (true or false)");
            }
            return new AppCacheSettings(enabled, Boolean.TRUE.equals(nondeterministic));
        }
    }

    record AppRequest(String name, @Nullable String description) {

        AppDraft draft() {
            if (name == null || name.isBlank()) {
                throw new PortalException("Name the app");
            }
            return new AppDraft(name, description == null ? "" : description);
        }
    }

    private final AppService apps;

    AppsApi(AppService apps) {
        this.apps = apps;
    }

    @GetMapping
    CursorPage<App> list(@RequestParam(required = false) @Nullable String cursor,
                         @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(apps.list().stream().map(App::of).toList(), App::id, cursor, limit);
    }

    @PostMapping
    ResponseEntity<App> create(@RequestBody AppRequest request) {
        App app = read(apps.create(request.draft()));
        return ResponseEntity.created(URI.create("/api/v1/apps/" + app.id())).eTag(Versions.etag(app.version()))
                .body(app);
    }

    @GetMapping("/{appId}")
    ResponseEntity<App> get(@PathVariable UUID appId) {
        App app = read(appId);
        return ResponseEntity.ok().eTag(Versions.etag(app.version())).body(app);
    }

    @PutMapping("/{appId}")
    ResponseEntity<App> update(@PathVariable UUID appId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                               @Nullable String ifMatch, @RequestBody AppRequest request) {
        apps.update(appId, Versions.ifMatch(ifMatch), request.draft());
        App app = read(appId);
        return ResponseEntity.ok().eTag(Versions.etag(app.version())).body(app);
    }

    /** Cached answers are shared by everyone calling the app, so this is the tenant ADMIN's decision. */
    @PutMapping("/{appId}/cache")
    ResponseEntity<App> changeCache(@PathVariable UUID appId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                    @Nullable String ifMatch, @RequestBody CacheRequest request) {
        apps.changeCache(appId, Versions.ifMatch(ifMatch), request.settings());
        App app = read(appId);
        return ResponseEntity.ok().eTag(Versions.etag(app.version())).body(app);
    }

    /** Archives the app: its keys stop working; an archived app is kept for its usage history. */
    @DeleteMapping("/{appId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable UUID appId) {
        apps.archive(appId);
    }

    private App read(UUID appId) {
        return apps.find(appId).map(App::of).orElseThrow(() -> PortalException.notFound("App"));
    }
}

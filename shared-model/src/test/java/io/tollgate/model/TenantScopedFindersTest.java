package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.GenericTypeResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Guards the rule that a repository of tenant-owned rows only reads by tenant: every query method of a
 * {@code ...Repository} whose entity has a {@code tenantId} takes a {@code tenantId} parameter. Platform-wide
 * reads belong in {@code ...AdminQueries}. The few exceptions are listed here with their reason.
 */
class TenantScopedFindersTest {

    private static final Map<String, String> EXCEPTIONS = Map.of(
            "MembershipRepository.findAllByUserId", "the signed-in user's own memberships, to choose a tenant",
            "InvitationRepository.findByTokenHash", "holding the one-time token is the entitlement",
            "ApiKeyRepository.findByPrefix", "the gateway's lookup; the caller verifies the whole key",
            "UsageDailyRepository.findById", "the key starts with the tenant id");

    private static final Set<String> QUERY_PREFIXES = Set.of("find", "read", "get", "query", "search", "stream",
            "count", "exists", "delete", "remove");

    @Test
    void every_query_of_a_tenant_owned_repository_takes_the_tenant_id() throws ClassNotFoundException {
        List<String> unscoped = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            Class<?> entity = GenericTypeResolver.resolveTypeArguments(repository, Repository.class)[0];
            if (!repository.getSimpleName().endsWith("Repository") || !hasTenantId(entity)) {
                continue;
            }
            for (Method method : repository.getMethods()) {
                String name = repository.getSimpleName() + "." + method.getName();
                if (isQuery(method) && !takesTenantId(method) && !EXCEPTIONS.containsKey(name)) {
                    unscoped.add(name);
                }
            }
        }
        assertThat(unscoped).as("queries of tenant-owned rows without a tenantId parameter").isEmpty();
    }

    @Test
    void the_rule_sees_the_repositories() throws ClassNotFoundException {
        assertThat(repositories()).extracting(Class::getSimpleName)
                .contains("AppRepository", "ApiKeyRepository", "SubscriptionRepository", "BudgetRepository",
                        "UsageEventRepository", "InvoiceRepository", "AppAdminQueries");
    }

    /** {@code delete(entity)} takes a row that was already loaded through a scoped finder. */
    private static boolean isQuery(Method method) {
        return !method.isDefault() && !method.getName().equals("delete")
                && QUERY_PREFIXES.stream().anyMatch(method.getName()::startsWith);
    }

    private static boolean takesTenantId(Method method) {
        return Arrays.stream(method.getParameters()).map(Parameter::getName).anyMatch("tenantId"::equals);
    }

    private static boolean hasTenantId(Class<?> entity) {
        return ReflectionUtils.findField(entity, "tenantId") != null;
    }

    private static List<Class<?>> repositories() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        List<Class<?>> found = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("io.tollgate.model")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), TenantScopedFindersTest.class.getClassLoader());
            if (type != TenantScopedRepository.class) {
                found.add(type);
            }
        }
        return found;
    }
}

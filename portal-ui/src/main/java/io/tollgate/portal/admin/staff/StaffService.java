package io.tollgate.portal.admin.staff;

import io.tollgate.model.account.PlatformRole;
import io.tollgate.model.account.Roles;
import io.tollgate.model.account.UserAccount;
import io.tollgate.model.account.UserAccountRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a platform role. Roles go to existing accounts only (people join by sign-up or invitation first), take
 * effect at their next sign-in, and an administrator cannot remove their own role, so the platform keeps one.
 * Accounts are global, not tenant-owned: only platform administrators reach them here.
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class StaffService {

    static final Set<String> PLATFORM_ROLES = Set.of("ADMIN", "FINANCE");

    private final UserAccountRepository accounts;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    StaffService(UserAccountRepository accounts, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        return accounts.findAllStaff().stream()
                .map(account -> new StaffMember(account.getId(), account.getEmail(), account.getDisplayName(),
                        account.getPlatformRole().orElseThrow().name(), account.getLastLoginAt().orElse(null)))
                .toList();
    }

    public void grant(String email, String platformRole) {
        if (!PLATFORM_ROLES.contains(platformRole)) {
            throw new PortalException("Choose ADMIN or FINANCE");
        }
        String normalized = UserAccount.normalizedEmail(email);
        UserAccount account = accounts.findByEmail(normalized)
                .orElseThrow(() -> new PortalException("No account uses " + normalized
                        + "; they sign up or accept an invitation first"));
        if (account.getId().equals(currentUser.require().userId())) {
            throw new PortalException("You cannot change your own platform role");
        }
        account.grantPlatformRole(PlatformRole.valueOf(platformRole), clock.instant());
        audit.record(null, "staff.grant", "user", account.getId(), Map.of("email", normalized, "role", platformRole));
    }

    public void remove(UUID userId) {
        if (userId.equals(currentUser.require().userId())) {
            throw new PortalException("You cannot remove your own platform role");
        }
        UserAccount account = accounts.findById(userId).filter(staff -> staff.getPlatformRole().isPresent())
                .orElseThrow(() -> PortalException.notFound("Staff member"));
        account.removePlatformRole(clock.instant());
        audit.record(null, "staff.remove", "user", userId, Map.of());
    }
}

package io.tollgate.model.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Users are not owned by one tenant (a person may belong to several). A tenant lists its people through
 * {@link MembershipRepository} and loads them by the user ids of its own memberships.
 */
public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    /** @param email already normalized with {@link UserAccount#normalizeEmail(String)} */
    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    List<UserAccount> findAllByPlatformRoleIsNotNullOrderByEmail();
}

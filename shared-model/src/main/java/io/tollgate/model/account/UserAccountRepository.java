package io.tollgate.model.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Accounts, which are global (a person may be a member of several tenants); addresses are looked up in lower case. */
public interface UserAccountRepository extends Repository<UserAccount, UUID> {

    <S extends UserAccount> S save(S account);

    Optional<UserAccount> findById(UUID id);

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    /** The platform's staff: administrators first, then finance, each by address. */
    @Query("select u from UserAccount u where u.platformRole is not null order by u.platformRole, u.email")
    List<UserAccount> findAllStaff();
}

package io.tollgate.model.apikey;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.repository.Repository;

/** Keys across all tenants: for the gateway's snapshot and platform administrators, never for tenant input. */
@NullMarked
public interface ApiKeyAdminQueries extends Repository<ApiKey, UUID> {

    List<ApiKey> findAllByStatus(ApiKeyStatus status);
}

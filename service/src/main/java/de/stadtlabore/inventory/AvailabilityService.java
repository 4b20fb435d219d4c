package de.stadtlabore.inventory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.inventory.dto.AvailableItem;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** "Which 3D scanner is free from 12 to 14 June?" — across every lab the caller may borrow from. */
@ApplicationScoped
public class AvailabilityService {

    @Inject
    ItemRepository items;

    @Inject
    LabService labs;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller currentCaller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AvailableItem> find(String category, String text, String start, String end, String nearLab,
            PageRequest page) {
        Caller caller = currentCaller.get();
        AccessPolicy.InventoryView view = policy.inventoryView(caller);
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!view.member()) {
            throw new ForbiddenException();
        }
        List<Violation> violations = new ArrayList<>();
        OffsetDateTime from = Params.instant("start", start, true, violations);
        OffsetDateTime to = Params.instant("end", end, true, violations);
        if (from != null && to != null && !to.isAfter(from)) {
            violations.add(new Violation("end", "field.end-after-start"));
        }
        Lab near = null;
        if (Params.blankToNull(nearLab) != null) {
            near = labs.find(nearLab).orElse(null);
            if (near == null) {
                violations.add(new Violation("nearLab", "field.unknown-lab"));
            }
        } else if (caller.municipalityId() != null) {
            near = labs.firstOf(caller.municipalityId()).orElse(null);
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return items.free(view, Params.blankToNull(category), Params.blankToNull(text), from, to,
                near == null ? null : near.latitude, near == null ? null : near.longitude, null, page)
                .map(InventoryMapper::available);
    }
}

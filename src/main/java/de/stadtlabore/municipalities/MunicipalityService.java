package de.stadtlabore.municipalities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MunicipalityService {

    @Inject
    MunicipalityRepository municipalities;

    @Transactional
    public Page<Municipality> list(PageRequest page) {
        var query = municipalities.findAll(Sort.by("name").and("id"));
        return Page.of(query.page(page.page() - 1, page.size()).list(), page, query.count());
    }

    @Transactional
    public Municipality get(String slug) {
        return municipalities.findBySlug(slug)
                .orElseThrow(() -> ApiException.notFound("detail.municipality-not-found", slug));
    }
}

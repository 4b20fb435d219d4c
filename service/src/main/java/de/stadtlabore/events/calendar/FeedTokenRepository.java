package de.stadtlabore.events.calendar;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FeedTokenRepository implements PanacheRepositoryBase<FeedToken, UUID> {
}

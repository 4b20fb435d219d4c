package de.stadtlabore.inventory;

import de.stadtlabore.common.domain.WireName;

/** Which loans of a municipality: those it borrows, or those of its own items. */
public enum Side implements WireName {
    BORROWER, OWNER
}

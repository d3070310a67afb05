package dev.camroll.core.access;

/**
 * A scope that sees only the assets its {@link #predicate()} selects. The store never answers
 * one from counters that count every asset: it counts the rows the predicate lets through. App
 * scopes are kinds of this one.
 */
public non-sealed interface LimitedScope extends Scope {}

package io.tollgate.portal.apps;

/** The editable part of an app. */
public record AppDraft(String name, String description) {
}

package org.lifeevents.portal;

/** Stands for a class of the portal service, for the rule that no other service uses one. */
public class PortalPage {
}

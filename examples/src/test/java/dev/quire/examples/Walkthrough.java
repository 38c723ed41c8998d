package dev.quire.examples;

/** The two documents of docs/walkthrough.md section 5, word for word. */
final class Walkthrough {
    static final String ACME_TEXT = "ACME project. The project team members are Mary Major, Martha Rivera and"
            + " John Doe. New team member onboarding checklist: get a laptop, join the ACME channel, read the"
            + " ACME design document.";
    static final String ANYORGAPP_TEXT = "AnyOrgApp project. The project team members are Mateo Jackson and"
            + " Jane Roe. New team member onboarding checklist: request repository access, pair with Mateo,"
            + " ship a first change.";

    private Walkthrough() {
    }
}

package org.noether.group;

import java.util.List;
import java.util.OptionalLong;

/** The group with one element. */
public final class TrivialGroup extends AbstractFiniteGroup<TrivialGroup.Element> {
    /** The only element. */
    public enum Element {
        E
    }

    public static final TrivialGroup INSTANCE = new TrivialGroup();

    private TrivialGroup() {}

    @Override
    public String name() {
        return "trivial";
    }

    @Override
    public Element identity() {
        return Element.E;
    }

    @Override
    public Element compose(Element a, Element b) {
        return Element.E;
    }

    @Override
    public Element inverse(Element g) {
        return Element.E;
    }

    @Override
    public List<Element> discreteGenerators() {
        return List.of();
    }

    @Override
    public OptionalLong orderWithoutEnumerating() {
        return OptionalLong.of(1);
    }

    @Override
    protected List<Element> enumerate() {
        return List.of(Element.E);
    }
}

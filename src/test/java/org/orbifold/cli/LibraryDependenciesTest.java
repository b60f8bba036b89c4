package org.orbifold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a project that depends on the library receives from pom.xml: the command line's
 * picocli and logging backend are optional (not passed on), the chemistry kit is not, and
 * README's dependency snippet names the coordinate that pom.xml declares.
 */
class LibraryDependenciesTest {

    private static Element project() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        return pom.getDocumentElement();
    }

    private static String child(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }

    /** Artifact id of every main dependency, mapped to whether it is optional. */
    private static Map<String, Boolean> optionalByArtifact() throws Exception {
        Element dependencies = (Element) project().getElementsByTagName("dependencies").item(0);
        Map<String, Boolean> optional = new TreeMap<>();
        NodeList list = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element dependency = (Element) list.item(i);
            if (!"test".equals(child(dependency, "scope"))) {
                optional.put(child(dependency, "artifactId"),
                        "true".equals(child(dependency, "optional")));
            }
        }
        return optional;
    }

    @Test
    void commandLineDependenciesAreOptionalAndTheLibrariesAreNot() throws Exception {
        Map<String, Boolean> optional = optionalByArtifact();
        assertEquals(Boolean.TRUE, optional.get("picocli"));
        assertEquals(Boolean.TRUE, optional.get("slf4j-simple"));
        for (String needed : new String[] {"jgrapht-core", "commons-math3", "ejml-all",
            "cdk-smiles", "cdk-ctab", "cdk-silent", "slf4j-api"}) {
            assertEquals(Boolean.FALSE, optional.get(needed), needed);
        }
    }

    @Test
    void readmeSnippetNamesThePomCoordinate() throws Exception {
        Element project = project();
        String snippet = "<groupId>" + child(project, "groupId") + "</groupId>\n"
                + "  <artifactId>" + child(project, "artifactId") + "</artifactId>\n"
                + "  <version>" + child(project, "version") + "</version>";
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(snippet), "README lacks the dependency snippet:\n" + snippet);
    }
}

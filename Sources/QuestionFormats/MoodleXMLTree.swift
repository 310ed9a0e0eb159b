import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element with the line its start tag ends on: enough of a DOM for question files. Used by the Moodle XML
/// reader; the XLSX reader streams its larger sheets instead.
struct XMLTreeNode {
    /// The local name: `x:row` → `row`.
    var name: String
    var attributes: [String: String]
    var line: Int
    var children: [XMLTreeNode] = []
    /// All the text inside, children's included, in document order.
    var text = ""

    func child(_ name: String) -> XMLTreeNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLTreeNode] { children.filter { $0.name == name } }
    /// The `<text>` of a child, as Moodle wraps every string: `<questiontext><text>…</text></questiontext>`.
    func childText(_ name: String) -> String? { child(name).map { $0.child("text")?.text ?? $0.text } }
}

/// Why a file is not well-formed XML, and the line where the parser stopped.
struct XMLSyntaxError: Error {
    var line: Int
    var reason: String
}

enum XMLTree {
    /// Parses a whole document; external entities are never resolved.
    static func parse(_ data: Data) -> Result<XMLTreeNode, XMLSyntaxError> {
        let parser = XMLParser(data: data)
        let builder = XMLTreeBuilder()
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        // On Linux parse() can return true after an error: parserError and the delegate are what tell.
        if !parser.parse() || builder.error != nil || parser.parserError != nil {
            let code = builder.error?.code ?? (parser.parserError as NSError?)?.code ?? 0
            return .failure(XMLSyntaxError(line: builder.error?.line ?? parser.lineNumber, reason: describe(code)))
        }
        guard let root = builder.stack.first?.children.first else {
            return .failure(XMLSyntaxError(line: 1, reason: "文件中没有 XML 元素 / the document has no element"))
        }
        return .success(root)
    }

    /// libxml2's error numbers (which XMLParser reports) for the mistakes people make by hand.
    static func describe(_ code: Int) -> String {
        let known: [Int: String] = [
            4: "文件为空 / the document is empty",
            5: "根元素之后还有内容 / extra content after the root element",
            9: "无效字符 / an invalid character",
            23: "实体引用缺少分号 / an entity reference lacks its ;",
            26: "未定义的实体（& 应写作 &amp;）/ an undefined entity (write & as &amp;)",
            38: "属性值中有 < / a < inside an attribute value",
            39: "属性值应加引号 / an attribute value must be quoted",
            41: "属性缺少值 / an attribute without a value",
            68: "缺少名称（< 应写作 &lt;）/ a name is missing (write < as &lt;)",
            73: "标签缺少 > / a tag is missing its >",
            76: "结束标签与开始标签不匹配 / the end tag does not match the start tag",
            77: "标签未结束（文件提前结束）/ a tag is not closed before the end of the file",
        ]
        return "XML 格式错误 / not well-formed XML: " + (known[code] ?? "libxml2 error \(code)")
    }
}

/// Builds `XMLTreeNode`s from parser events.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    var stack = [XMLTreeNode(name: "#document", attributes: [:], line: 1)]
    var error: (line: Int, code: Int)?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLTreeNode(name: local, attributes: attributeDict, line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard stack.count > 1 else { return }
        let node = stack.removeLast()
        stack[stack.count - 1].children.append(node)
        stack[stack.count - 1].text += node.text
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if error == nil { error = (parser.lineNumber, (parseError as NSError).code) }
    }
}

package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// datePattern is how a schema sees a date: TOML's local dates and
// date-times, which an editor validates as strings, or a string of one.
const datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?$`

// schemaBuilder makes a JSON Schema from the keys the decoder reads and
// their descriptions.
type schemaBuilder struct {
	ks       *Keys
	docs     map[string]keyDoc
	tables   map[string]tableDoc
	children map[string][]*Key
}

func newSchemaBuilder(ks *Keys, docs map[string]keyDoc, tables map[string]tableDoc) *schemaBuilder {
	b := &schemaBuilder{ks: ks, docs: docs, tables: tables, children: map[string][]*Key{}}
	for _, k := range ks.List() {
		b.children[k.Parent()] = append(b.children[k.Parent()], k)
	}
	return b
}

// Schema writes the JSON Schema (draft 2020-12) of a file whose keys ks
// holds, as JSON with a final newline.
func (b *schemaBuilder) Schema(title string) ([]byte, error) {
	root := b.object("")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = title
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("writing the schema of %s: %w", title, err)
	}
	return buf.Bytes(), nil
}

// object is the schema of the table at path: its keys, those required, and
// the rules across them.
func (b *schemaBuilder) object(path string) map[string]any {
	props := map[string]any{}
	var required []any
	for _, k := range b.children[path] {
		if k.Name() == "*" {
			continue
		}
		props[k.Name()] = b.value(k)
		if b.required(k) {
			required = append(required, k.Name())
		}
	}
	obj := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if data := b.ks.Get(wild(path, "*")); data != nil {
		obj["additionalProperties"] = b.value(data)
	}
	if len(required) > 0 {
		obj["required"] = required
	}
	td := b.tables[path]
	if td.Effect != "" {
		obj["description"] = td.Effect
	}
	for k, v := range td.Rules {
		obj[k] = v
	}
	return obj
}

// required reports whether a key is required whatever the other keys say.
func (b *schemaBuilder) required(k *Key) bool {
	d := b.docs[k.Path]
	return d.Must || k.Required && d.Need == "" || b.tables[k.Path].MinItems > 0
}

// value is the schema of one key's value.
func (b *schemaBuilder) value(k *Key) map[string]any {
	d := b.doc(k)
	s := b.kindSchema(k)
	switch {
	case d.Schema != nil:
		s = clone(d.Schema)
	case d.Build != nil:
		s = d.Build(b.ks)
	}
	if d.Effect != "" {
		s["description"] = d.Effect
	}
	if def, ok := constDefault(k, d); ok {
		s["default"] = def
	}
	return s
}

// doc is a key's description: its own, or the one for every key of its
// table ("mode.speed.*"), with {key} standing for the key's name.
func (b *schemaBuilder) doc(k *Key) keyDoc {
	return docOf(b.docs, k)
}

// docOf finds a key's description in docs.
func docOf(docs map[string]keyDoc, k *Key) keyDoc {
	if d, ok := docs[k.Path]; ok {
		return d
	}
	d := docs[wild(k.Parent(), "*")]
	d.Effect = strings.ReplaceAll(d.Effect, "{key}", k.Name())
	return d
}

// kindSchema is the schema a kind of value has.
func (b *schemaBuilder) kindSchema(k *Key) map[string]any {
	switch k.Kind {
	case kindString, kindText:
		return map[string]any{"type": "string"}
	case kindInteger, kindNumber:
		return map[string]any{"type": k.Kind, "minimum": k.Min, "maximum": k.Max}
	case kindBoolean:
		return map[string]any{"type": "boolean"}
	case kindChoice:
		return map[string]any{"enum": anyList(k.Options)}
	case kindDate:
		return map[string]any{"type": "string", "pattern": datePattern}
	case kindStrings:
		return stringsSchema()
	case kindIntegers:
		return map[string]any{"type": "array", "items": map[string]any{"type": "integer", "minimum": 0}, "minItems": k.Len, "maxItems": k.Len}
	case kindYear:
		return map[string]any{"type": []any{"integer", "string"}}
	case kindTable:
		return b.object(k.Path)
	case kindTables:
		s := map[string]any{"type": "array", "items": b.object(k.Path)}
		if n := b.tables[k.Path].MinItems; n > 0 {
			s["minItems"] = n
		}
		return s
	}
	return map[string]any{}
}

// constDefault is the default of an optional key, where it is one value.
func constDefault(k *Key, d keyDoc) (any, bool) {
	if k.Required || d.Default != "" || len(k.Defaults) != 1 {
		return nil, false
	}
	return k.Defaults[0], true
}

// clone copies a schema's top level, so that adding its description does
// not change the doc's.
func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// changeSchema is a variant's list of changes: each names a unit, event,
// place or side and gives keys of that table, none of them required, each
// checked as the table's own.
func changeSchema(ks *Keys) map[string]any {
	var branches []any
	for _, kind := range overlaid {
		props := map[string]any{kind: map[string]any{"type": "string", "description": "The id of the " + kind + " to change."}}
		for _, k := range ks.List() {
			if k.Parent() == kind && k.Name() != "id" {
				props[k.Name()] = map[string]any{"$ref": "#/properties/" + kind + "/items/properties/" + k.Name()}
			}
		}
		branches = append(branches, map[string]any{"required": []any{kind}, "properties": props, "additionalProperties": false})
	}
	return map[string]any{"type": "array", "items": map[string]any{"type": "object", "anyOf": branches}}
}

// setSchema is a variant's set: the top-level keys that hold a value, not a
// table, each checked as the file's own.
func setSchema(ks *Keys) map[string]any {
	props := map[string]any{}
	for _, k := range ks.List() {
		if k.Parent() == "" && k.Kind != kindTable { // an array of tables too: set = { air_supply = [] }
			props[k.Name()] = map[string]any{"$ref": "#/properties/" + k.Name()}
		}
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

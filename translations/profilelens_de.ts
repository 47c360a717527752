<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Classifier</name>
    <message>
        <source>conv 5x5x32, max-pool 2, conv 5x5x64, max-pool 2, dense 1024, dropout 0.4, dense 2</source>
        <translation>Faltung 5x5x32, Max-Pooling 2, Faltung 5x5x64, Max-Pooling 2, dicht 1024, Dropout 0.4, dicht 2</translation>
    </message>
    <message>
        <source>reference with batch normalisation after each convolution</source>
        <translation>Referenz mit Batch-Normalisierung nach jeder Faltung</translation>
    </message>
    <message>
        <source>conv 5x5x16, max-pool 2, conv 5x5x32, max-pool 2, dense 128, dropout 0.4, dense 2 (about 4x fewer operations than reference)</source>
        <translation>Faltung 5x5x16, Max-Pooling 2, Faltung 5x5x32, Max-Pooling 2, dicht 128, Dropout 0.4, dicht 2 (etwa 4x weniger Rechenoperationen als die Referenz)</translation>
    </message>
    <message>
        <source>Unknown model architecture &quot;%1&quot;. Known architectures: %2.</source>
        <translation>Unbekannte Modellarchitektur &quot;%1&quot;. Bekannte Architekturen: %2.</translation>
    </message>
    <message>
        <source>Input size %1x%2 is not supported by architecture &quot;%3&quot;: width and height must be between %4 and %5 pixels.</source>
        <translation>Die Eingabegröße %1x%2 wird von der Architektur &quot;%3&quot; nicht unterstützt: Breite und Höhe müssen zwischen %4 und %5 Pixeln liegen.</translation>
    </message>
    <message>
        <source>Could not build architecture &quot;%1&quot;: %2</source>
        <translation>Die Architektur &quot;%1&quot; konnte nicht aufgebaut werden: %2</translation>
    </message>
    <message>
        <source>compact with batch normalisation after each convolution</source>
        <translation>compact mit Batch-Normalisierung nach jeder Faltung</translation>
    </message>
    <message>
        <source>A model averages 1 to %1 networks, not %2.</source>
        <translation>Ein Modell mittelt 1 bis %1 Netze, nicht %2.</translation>
    </message>
    <message>
        <source>There are no networks to combine.</source>
        <translation>Es gibt keine Netze zum Kombinieren.</translation>
    </message>
    <message>
        <source>Only single trained networks can be combined.</source>
        <translation>Nur einzelne trainierte Netze können kombiniert werden.</translation>
    </message>
    <message>
        <source>Networks of architecture &quot;%1&quot; at %2x%3 and &quot;%4&quot; at %5x%6 cannot be combined: train every member with the same architecture and input size.</source>
        <translation>Netze der Architektur „%1“ mit %2x%3 und „%4“ mit %5x%6 können nicht kombiniert werden: Trainieren Sie jedes Netz mit derselben Architektur und Eingabegröße.</translation>
    </message>
    <message>
        <source>Could not combine the networks: %1</source>
        <translation>Die Netze konnten nicht kombiniert werden: %1</translation>
    </message>
    <message>
        <source>A network reads the part %1,%2 %3x%4, which is not inside the %5x%6 input.</source>
        <translation>Ein Netz liest den Teil %1,%2 %3x%4, der nicht in der Eingabe %5x%6 liegt.</translation>
    </message>
    <message>
        <source>Model %1 cannot be combined: every part must have the architecture &quot;%2&quot;, read one view of the face, and match the %3x%4 place it takes in the input.</source>
        <translation>Modell %1 kann nicht kombiniert werden: Jeder Teil muss die Architektur „%2“ haben, eine Ansicht des Gesichts lesen und zu seinem Platz %3x%4 in der Eingabe passen.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Could not write the image %1 (%2).</source>
        <translation>Das Bild %1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Exported by ProfileLens</source>
        <translation>Exportiert von ProfileLens</translation>
    </message>
    <message>
        <source>Could not write the drawing %1.</source>
        <translation>Die Zeichnung %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation>Schwellenwert: %1</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n importiert</numerusform>
            <numerusform>%n importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n Duplikat übersprungen</numerusform>
            <numerusform>%n Duplikate übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 wurde nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>not a ProfileLens model file (wrong magic bytes at the start).</source>
        <translation>keine ProfileLens-Modelldatei (falsche Kennung am Dateianfang).</translation>
    </message>
    <message>
        <source>the file is truncated: it has %1 bytes, fewer than a model file header.</source>
        <translation>die Datei ist abgeschnitten: Sie hat %1 Bytes, weniger als ein Modelldatei-Kopf.</translation>
    </message>
    <message>
        <source>the file has format version %1, but this version of ProfileLens reads up to version %2. Update ProfileLens to load it.</source>
        <translation>die Datei hat die Formatversion %1, aber diese Version von ProfileLens liest nur bis Version %2. Aktualisieren Sie ProfileLens, um sie zu laden.</translation>
    </message>
    <message>
        <source>invalid format version %1.</source>
        <translation>ungültige Formatversion %1.</translation>
    </message>
    <message>
        <source>the header is corrupt (metadata length %1, weights length %2 bytes).</source>
        <translation>der Dateikopf ist beschädigt (Metadatenlänge %1, Gewichtslänge %2 Bytes).</translation>
    </message>
    <message>
        <source>the file is truncated: it has %1 bytes, but its header announces %2.</source>
        <translation>die Datei ist abgeschnitten: Sie hat %1 Bytes, aber ihr Kopf kündigt %2 an.</translation>
    </message>
    <message>
        <source>the file has %1 unexpected bytes after its end.</source>
        <translation>die Datei hat %1 unerwartete Bytes nach ihrem Ende.</translation>
    </message>
    <message>
        <source>the checksum does not match, so the file is corrupt. Copy or download it again.</source>
        <translation>die Prüfsumme stimmt nicht, die Datei ist also beschädigt. Kopieren oder laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <source>the metadata is not a JSON object: %1 at offset %2.</source>
        <translation>die Metadaten sind kein JSON-Objekt: %1 an Position %2.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>read error: %1.</source>
        <translation>Lesefehler: %1.</translation>
    </message>
    <message>
        <source>the metadata has no &quot;tensors&quot; list.</source>
        <translation>die Metadaten enthalten keine &quot;tensors&quot;-Liste.</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; is not part of architecture &quot;%2&quot;.</source>
        <translation>der Tensor &quot;%1&quot; gehört nicht zur Architektur &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; is stored twice.</source>
        <translation>der Tensor &quot;%1&quot; ist zweimal gespeichert.</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; has shape %2 in the file, but architecture &quot;%3&quot; at input size %4x%5 expects %6.</source>
        <translation>der Tensor &quot;%1&quot; hat in der Datei die Form %2, aber die Architektur &quot;%3&quot; erwartet bei der Eingabegröße %4x%5 die Form %6.</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; has unsupported type &quot;%2&quot;.</source>
        <translation>der Tensor &quot;%1&quot; hat den nicht unterstützten Typ &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; is stored as %2, but the architecture needs %3.</source>
        <translation>der Tensor &quot;%1&quot; ist als %2 gespeichert, aber die Architektur braucht %3.</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; lies outside the weights section (offset %2, %3 bytes of %4).</source>
        <translation>der Tensor &quot;%1&quot; liegt außerhalb des Gewichtsabschnitts (Position %2, %3 Bytes von %4).</translation>
    </message>
    <message>
        <source>tensor &quot;%1&quot; of architecture &quot;%2&quot; is missing.</source>
        <translation>der Tensor &quot;%1&quot; der Architektur &quot;%2&quot; fehlt.</translation>
    </message>
    <message>
        <source>Cannot load model file &quot;%1&quot;: %2</source>
        <translation>Die Modelldatei &quot;%1&quot; kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>the metadata field &quot;%1&quot; is missing or invalid.</source>
        <translation>das Metadatenfeld &quot;%1&quot; fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>the metadata field &quot;classNames&quot; must list exactly 2 names.</source>
        <translation>das Metadatenfeld &quot;classNames&quot; muss genau 2 Namen enthalten.</translation>
    </message>
    <message>
        <source>Cannot save model file &quot;%1&quot;: %2</source>
        <translation>Die Modelldatei &quot;%1&quot; kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>there is no trained model to save.</source>
        <translation>es gibt kein trainiertes Modell zum Speichern.</translation>
    </message>
    <message>
        <source>the model needs exactly 2 class names, not %1.</source>
        <translation>das Modell braucht genau 2 Klassennamen, nicht %1.</translation>
    </message>
    <message>
        <source>unknown model architecture &quot;%1&quot;. The file may come from a newer version of ProfileLens.</source>
        <translation>unbekannte Modellarchitektur &quot;%1&quot;. Die Datei stammt vielleicht von einer neueren Version von ProfileLens.</translation>
    </message>
    <message>
        <source>the model reads %1x%2 images, but the preprocessing produces %3x%4. Use a model trained with the same input size.</source>
        <translation>das Modell liest Bilder mit %1x%2 Pixeln, aber die Vorverarbeitung erzeugt %3x%4. Verwenden Sie ein Modell, das mit derselben Eingabegröße trainiert wurde.</translation>
    </message>
</context>
<context>
    <name>Predictor</name>
    <message>
        <source>No model is loaded, so there is nothing to predict with.</source>
        <translation>Es ist kein Modell geladen, daher ist keine Vorhersage möglich.</translation>
    </message>
    <message>
        <source>The images are %1x%2 pixels, but the model reads %3x%4.</source>
        <translation>Die Bilder haben %1x%2 Pixel, aber das Modell liest %3x%4.</translation>
    </message>
    <message>
        <source>Prediction failed: %1</source>
        <translation>Vorhersage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The image has %1 values, but the model reads %2x%3 = %4.</source>
        <translation>Das Bild hat %1 Werte, aber das Modell liest %2x%3 = %4.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::ClassificationReport</name>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>f1-score</source>
        <translation>F1-Wert</translation>
    </message>
    <message>
        <source>support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation>gewichtetes Mittel</translation>
    </message>
</context>
<context>
    <name>ProfileLens::Cli</name>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Picture files or folders.</source>
        <translation>Bilddateien oder Ordner.</translation>
    </message>
    <message>
        <source>IMAGE_OR_DIR...</source>
        <translation>BILD_ODER_ORDNER...</translation>
    </message>
    <message>
        <source>Folder for the stage images and report.csv (created if missing).</source>
        <translation>Ordner für die Stufenbilder und report.csv (wird angelegt, falls er fehlt).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core, here %1).</source>
        <translation>Arbeitsthreads (Standard: einer pro Kern, hier %1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>dlib 68-point landmark model (default: %1).</source>
        <translation>dlib-Modell mit 68 Landmarken (Standard: %1).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>align needs at least one picture or folder and --out DIR.</source>
        <translation>align braucht mindestens ein Bild oder einen Ordner und --out ORDNER.</translation>
    </message>
    <message>
        <source>Run &apos;profilelens-cli align --help&apos; for usage.</source>
        <translation>Mit &apos;profilelens-cli align --help&apos; wird die Verwendung angezeigt.</translation>
    </message>
    <message>
        <source>Invalid --threads value &apos;%1&apos;: give a whole number of at least 1.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --threads: Geben Sie eine ganze Zahl von mindestens 1 an.</translation>
    </message>
    <message>
        <source>Could not create the output folder %1.</source>
        <translation>Der Ausgabeordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1: file or folder not found; skipped.</source>
        <translation>%1: Datei oder Ordner nicht gefunden; übersprungen.</translation>
    </message>
    <message>
        <source>No pictures found in the given paths.</source>
        <translation>In den angegebenen Pfaden wurden keine Bilder gefunden.</translation>
    </message>
    <message>
        <source>Aligning</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Interrupted: %1 of %2 pictures processed.</source>
        <translation>Unterbrochen: %1 von %2 Bildern verarbeitet.</translation>
    </message>
    <message>
        <source>%1 of %2 pictures aligned, %3 failed; stages and report.csv in %4</source>
        <translation>%1 von %2 Bildern ausgerichtet, %3 fehlgeschlagen; Stufen und report.csv in %4</translation>
    </message>
    <message>
        <source>Run &apos;%1 %2 --help&apos; for usage.</source>
        <translation>Mit &apos;%1 %2 --help&apos; wird die Verwendung angezeigt.</translation>
    </message>
    <message>
        <source>Write every preprocessing stage of pictures as PNG files.</source>
        <translation>Jede Vorverarbeitungsstufe von Bildern als PNG-Datei schreiben.</translation>
    </message>
    <message>
        <source>Select, split and preprocess a dataset into the cache.</source>
        <translation>Einen Datensatz auswählen, aufteilen und in den Cache vorverarbeiten.</translation>
    </message>
    <message>
        <source>Train a model on a dataset.</source>
        <translation>Ein Modell auf einem Datensatz trainieren.</translation>
    </message>
    <message>
        <source>Print a model&apos;s classification report, confusion matrix and AUC.</source>
        <translation>Klassifikationsbericht, Konfusionsmatrix und AUC eines Modells ausgeben.</translation>
    </message>
    <message>
        <source>Score pictures with a model and write CSV.</source>
        <translation>Bilder mit einem Modell bewerten und als CSV schreiben.</translation>
    </message>
    <message>
        <source>Invalid --%1 value &apos;%2&apos;: give a whole number of at least %3.</source>
        <translation>Ungültiger Wert &apos;%2&apos; für --%1: Geben Sie eine ganze Zahl von mindestens %3 an.</translation>
    </message>
    <message>
        <source>Invalid --%1 value &apos;%2&apos;: give a number from %3 to %4.</source>
        <translation>Ungültiger Wert &apos;%2&apos; für --%1: Geben Sie eine Zahl von %3 bis %4 an.</translation>
    </message>
    <message>
        <source>Invalid --policy value &apos;%1&apos;: use reference, balanced or all.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --policy: Verwenden Sie reference, balanced oder all.</translation>
    </message>
    <message>
        <source>Invalid --split value &apos;%1&apos;: use random, official or group.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --split: Verwenden Sie random, official oder group.</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>confusion matrix (rows: actual no / yes; columns: predicted no / yes)</source>
        <translation>Konfusionsmatrix (Zeilen: tatsächlich nein / ja; Spalten: vorhergesagt nein / ja)</translation>
    </message>
    <message>
        <source>ROC AUC %1   average precision %2</source>
        <translation>ROC-AUC %1   durchschnittliche Präzision %2</translation>
    </message>
    <message>
        <source>No model given and no default model found. Pass --model FILE or set PROFILELENS_MODEL.</source>
        <translation>Kein Modell angegeben und kein Standardmodell gefunden. Geben Sie --model DATEI an oder setzen Sie PROFILELENS_MODEL.</translation>
    </message>
    <message>
        <source>%1 was trained with other preprocessing settings than this version of ProfileLens uses; retrain it.</source>
        <translation>%1 wurde mit anderen Vorverarbeitungseinstellungen trainiert, als diese Version von ProfileLens verwendet; trainieren Sie es neu.</translation>
    </message>
    <message>
        <source>Reads a dataset, selects and splits its rows and preprocesses every picture into the cache that train and evaluate reuse. DATASET is CelebA&apos;s list_attr_celeba.txt, a labels CSV (filename,&lt;attribute&gt;...[,group]), or a folder holding one.</source>
        <translation>Liest einen Datensatz, wählt seine Zeilen aus, teilt sie auf und verarbeitet jedes Bild in den Cache vor, den train und evaluate wiederverwenden. DATENSATZ ist CelebAs list_attr_celeba.txt, eine Label-CSV-Datei (filename,&lt;Merkmal&gt;...[,group]) oder ein Ordner, der eine davon enthält.</translation>
    </message>
    <message>
        <source>Label file or folder.</source>
        <translation>Label-Datei oder Ordner.</translation>
    </message>
    <message>
        <source>DATASET</source>
        <translation>DATENSATZ</translation>
    </message>
    <message>
        <source>prepare needs exactly one DATASET. Run &apos;profilelens-cli prepare --help&apos;.</source>
        <translation>prepare braucht genau einen DATENSATZ. Siehe &apos;profilelens-cli prepare --help&apos;.</translation>
    </message>
    <message>
        <source>Interrupted; the pictures done so far are cached.</source>
        <translation>Unterbrochen; die bisher verarbeiteten Bilder sind im Cache.</translation>
    </message>
    <message>
        <source>%1 reused from the cache, %2 preprocessed in %3 s; no face found in %4 of the selected pictures.</source>
        <translation>%1 aus dem Cache wiederverwendet, %2 in %3 s vorverarbeitet; in %4 der ausgewählten Bilder wurde kein Gesicht gefunden.</translation>
    </message>
    <message>
        <source>Model file to write (default ATTRIBUTE.plmodel).</source>
        <translation>Zu schreibende Modelldatei (Standard MERKMAL.plmodel).</translation>
    </message>
    <message>
        <source>Network: %1 (default %2).</source>
        <translation>Netz: %1 (Standard %2).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Optimiser steps (default 2000).</source>
        <translation>Optimierungsschritte (Standard 2000).</translation>
    </message>
    <message>
        <source>Images per step (default 100).</source>
        <translation>Bilder pro Schritt (Standard 100).</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate (default 0.001).</source>
        <translation>Lernrate von Adam (Standard 0.001).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <source>L2 weight decay (default 0).</source>
        <translation>L2-Gewichtsabnahme (Standard 0).</translation>
    </message>
    <message>
        <source>Stop after N validations without improvement (default 0: never).</source>
        <translation>Nach N Validierungen ohne Verbesserung anhalten (Standard 0: nie).</translation>
    </message>
    <message>
        <source>Steps between validations (default 100).</source>
        <translation>Schritte zwischen Validierungen (Standard 100).</translation>
    </message>
    <message>
        <source>Checkpoint file, written every 100 steps.</source>
        <translation>Checkpoint-Datei, alle 100 Schritte geschrieben.</translation>
    </message>
    <message>
        <source>Continue from --checkpoint when it exists.</source>
        <translation>Vom --checkpoint fortsetzen, falls er existiert.</translation>
    </message>
    <message>
        <source>Store weights in half precision (half the size).</source>
        <translation>Gewichte in halber Genauigkeit speichern (halbe Größe).</translation>
    </message>
    <message>
        <source>train needs exactly one DATASET. Run &apos;profilelens-cli train --help&apos;.</source>
        <translation>train braucht genau einen DATENSATZ. Siehe &apos;profilelens-cli train --help&apos;.</translation>
    </message>
    <message>
        <source>Interrupted while preprocessing.</source>
        <translation>Während der Vorverarbeitung unterbrochen.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>step %1/%2  loss %3  accuracy %4  validation loss %5  validation accuracy %6</source>
        <translation>Schritt %1/%2  Verlust %3  Genauigkeit %4  Validierungsverlust %5  Validierungsgenauigkeit %6</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <source>Interrupted; nothing was saved.</source>
        <translation>Unterbrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Interrupted; run again with --resume to continue from %1.</source>
        <translation>Unterbrochen; starten Sie erneut mit --resume, um bei %1 fortzusetzen.</translation>
    </message>
    <message>
        <source>test set</source>
        <translation>Testdatensatz</translation>
    </message>
    <message>
        <source>Prints the classification report, confusion matrix, ROC AUC and average precision of a model. Without DATASET it reads the test split stored beside the model (MODEL.evaluation.csv). With DATASET it scores the dataset&apos;s test split, chosen with the same options as train (use --part all for every row).</source>
        <translation>Gibt Klassifikationsbericht, Konfusionsmatrix, ROC-AUC und durchschnittliche Präzision eines Modells aus. Ohne DATENSATZ liest es den neben dem Modell gespeicherten Testanteil (MODELL.evaluation.csv). Mit DATENSATZ bewertet es den Testanteil des Datensatzes, ausgewählt mit denselben Optionen wie train (--part all für alle Zeilen).</translation>
    </message>
    <message>
        <source>Label file or folder (optional).</source>
        <translation>Label-Datei oder Ordner (optional).</translation>
    </message>
    <message>
        <source>[DATASET]</source>
        <translation>[DATENSATZ]</translation>
    </message>
    <message>
        <source>Model file (default: the shipped eyeglasses model).</source>
        <translation>Modelldatei (Standard: das mitgelieferte Brillen-Modell).</translation>
    </message>
    <message>
        <source>Decision threshold (default: the model&apos;s).</source>
        <translation>Schwellenwert für die Entscheidung (Standard: der des Modells).</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>PART</source>
        <translation>TEIL</translation>
    </message>
    <message>
        <source>No model given and no default model found. Pass --model FILE.</source>
        <translation>Kein Modell angegeben und kein Standardmodell gefunden. Geben Sie --model DATEI an.</translation>
    </message>
    <message>
        <source>Pass a DATASET to score instead.</source>
        <translation>Geben Sie stattdessen einen DATENSATZ zum Bewerten an.</translation>
    </message>
    <message>
        <source>%1 split of %2</source>
        <translation>%1-Anteil von %2</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Unterbrochen.</translation>
    </message>
    <message>
        <source>%1 rows of %2</source>
        <translation>%1 Zeilen von %2</translation>
    </message>
    <message>
        <source>Scores pictures with a model and writes CSV: file, probability, predicted label at the threshold, alignment status and reason. Folders are searched recursively.</source>
        <translation>Bewertet Bilder mit einem Modell und schreibt CSV: Datei, Wahrscheinlichkeit, vorhergesagtes Label beim Schwellenwert, Ausrichtungsstatus und Grund. Ordner werden rekursiv durchsucht.</translation>
    </message>
    <message>
        <source>CSV file to write (default: standard output).</source>
        <translation>Zu schreibende CSV-Datei (Standard: Standardausgabe).</translation>
    </message>
    <message>
        <source>Worker threads (default: one per core).</source>
        <translation>Arbeitsthreads (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>predict needs at least one picture or folder. Run &apos;profilelens-cli predict --help&apos;.</source>
        <translation>predict braucht mindestens ein Bild oder einen Ordner. Siehe &apos;profilelens-cli predict --help&apos;.</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>%1 of %2 pictures scored, %3 predicted %4 at threshold %5.</source>
        <translation>%1 von %2 Bildern bewertet, %3 als %4 vorhergesagt beim Schwellenwert %5.</translation>
    </message>
    <message>
        <source>Usage: profilelens-cli COMMAND [OPTIONS] [ARGUMENTS]</source>
        <translation>Verwendung: profilelens-cli BEFEHL [OPTIONEN] [ARGUMENTE]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;profilelens-cli COMMAND --help&apos; for the options of one command.</source>
        <translation>Mit &apos;profilelens-cli BEFEHL --help&apos; werden die Optionen eines Befehls angezeigt.</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Attribute to learn or evaluate (default Eyeglasses).</source>
        <translation>Zu lernendes oder auszuwertendes Merkmal (Standard Eyeglasses).</translation>
    </message>
    <message>
        <source>Row selection: reference (every positive, then negatives up to --max), balanced, or all (default reference).</source>
        <translation>Zeilenauswahl: reference (alle Positiven, dann Negative bis --max), balanced oder all (Standard reference).</translation>
    </message>
    <message>
        <source>POLICY</source>
        <translation>STRATEGIE</translation>
    </message>
    <message>
        <source>Rows selected by the reference and balanced policies (default 80000).</source>
        <translation>Von den Strategien reference und balanced ausgewählte Zeilen (Standard 80000).</translation>
    </message>
    <message>
        <source>Split: random, official (CelebA&apos;s partition file) or group (whole people on one side). Default: group when the dataset has a group column, else random.</source>
        <translation>Aufteilung: random, official (CelebAs Partitionsdatei) oder group (jede Person ganz auf einer Seite). Standard: group, wenn der Datensatz eine Gruppenspalte hat, sonst random.</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>METHODE</translation>
    </message>
    <message>
        <source>Share of the rows in the test set (default 0.2).</source>
        <translation>Anteil der Zeilen im Testdatensatz (Standard 0.2).</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Seed of selection, split and training (default 42).</source>
        <translation>Startwert für Auswahl, Aufteilung und Training (Standard 42).</translation>
    </message>
    <message>
        <source>Folder of the preprocessing cache (default: the user&apos;s cache folder).</source>
        <translation>Ordner des Vorverarbeitungs-Caches (Standard: der Cache-Ordner des Benutzers).</translation>
    </message>
    <message>
        <source>Rows to score: test (default), validation, train or all.</source>
        <translation>Zu bewertende Zeilen: test (Standard), validation, train oder all.</translation>
    </message>
    <message>
        <source>Invalid --part value &apos;%1&apos;: use test, validation, train or all.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --part: test, validation, train oder all verwenden.</translation>
    </message>
    <message>
        <source>Draw no progress bar; results, warnings and errors still appear.</source>
        <translation>Keinen Fortschrittsbalken zeichnen; Ergebnisse, Warnungen und Fehler erscheinen weiterhin.</translation>
    </message>
    <message>
        <source>Check the --model path, or train the model again.</source>
        <translation>Prüfen Sie den Pfad bei --model oder trainieren Sie das Modell erneut.</translation>
    </message>
    <message>
        <source>Augment training images: flips, small shifts and rotations, brightness, contrast, blur, low resolution and JPEG artefacts.</source>
        <translation>Trainingsbilder erweitern: Spiegelungen, kleine Verschiebungen und Drehungen, Helligkeit, Kontrast, Unschärfe, niedrige Auflösung und JPEG-Artefakte.</translation>
    </message>
    <message>
        <source>Seed of the initial weights, batch order and augmentation only, so the same split can be trained again differently (default: --seed).</source>
        <translation>Startwert nur für die Anfangsgewichte, die Batch-Reihenfolge und die Erweiterung, sodass dieselbe Aufteilung anders neu trainiert werden kann (Standard: --seed).</translation>
    </message>
    <message>
        <source>Networks to train, with training seeds N, N + 1 and so on, whose probabilities the model averages (default 1, at most %1). Each takes as long to train as one.</source>
        <translation>Anzahl der zu trainierenden Netze mit den Trainings-Startwerten N, N + 1 usw., deren Wahrscheinlichkeiten das Modell mittelt (Standard 1, höchstens %1). Jedes braucht so lange wie ein einzelnes.</translation>
    </message>
    <message>
        <source>Average each network&apos;s probabilities for the face and its mirror image.</source>
        <translation>Die Wahrscheinlichkeiten jedes Netzes für das Gesicht und sein Spiegelbild mitteln.</translation>
    </message>
    <message>
        <source>Invalid --networks value &apos;%1&apos;: give at most %2.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --networks: höchstens %2 angeben.</translation>
    </message>
    <message>
        <source>network %1 of %2, %3</source>
        <translation>Netz %1 von %2, %3</translation>
    </message>
    <message>
        <source>Trained %1 networks, averaged into one model.</source>
        <translation>%1 Netze trainiert und zu einem Modell gemittelt.</translation>
    </message>
    <message>
        <source>Size of the grayscale model input in pixels: N for N x N, or WxH (default 28 for the whole face, as in the reference pipeline, and 88x40 for the eye band).</source>
        <translation>Größe der Graustufen-Modelleingabe in Pixeln: N für N x N oder BxH (Standard 28 für das ganze Gesicht wie in der Referenz-Pipeline und 88x40 für das Augenband).</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>How the threshold is chosen on the validation set: max-f1 (the highest F1 score, the default) or balanced (as many photos flagged as are labelled positive, where precision equals recall).</source>
        <translation>Wie der Schwellenwert auf dem Validierungsset gewählt wird: max-f1 (der höchste F1-Wert, Standard) oder balanced (so viele Fotos markiert, wie positiv gelabelt sind; dort ist die Präzision gleich der Trefferquote).</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>REGEL</translation>
    </message>
    <message>
        <source>Invalid --threshold-rule value &apos;%1&apos;: use max-f1 or balanced.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --threshold-rule: max-f1 oder balanced verwenden.</translation>
    </message>
    <message>
        <source>precision equal to recall on %1</source>
        <translation>Präzision gleich Trefferquote auf %1</translation>
    </message>
    <message>
        <source>max F1 on %1</source>
        <translation>maximaler F1-Wert auf %1</translation>
    </message>
    <message>
        <source>Trained %1 steps in %2 s; threshold %3 (%4). Model written to %5</source>
        <translation>%1 Schritte in %2 s trainiert; Schwellenwert %3 (%4). Modell geschrieben nach %5</translation>
    </message>
    <message>
        <source>Aligns the face in each picture and writes its stages as PNG files: original (orientation applied), aligned colour 178x218, grayscale, and the model input (28x28 unless --input-size or --face-region says otherwise). A CSV report lists each picture&apos;s faces, status and eye positions. Folders are searched recursively.</source>
        <translation>Richtet das Gesicht in jedem Bild aus und schreibt seine Stufen als PNG-Dateien: Original (Ausrichtung angewendet), ausgerichtet in Farbe 178x218, Graustufen und die Modelleingabe (28x28, sofern --input-size oder --face-region nichts anderes angibt). Ein CSV-Bericht listet für jedes Bild die Gesichter, den Status und die Augenpositionen. Ordner werden rekursiv durchsucht.</translation>
    </message>
    <message>
        <source>Invalid --input-size value &apos;%1&apos;: give a side such as 56 or a width and height such as 88x40, each from 8 to %2 pixels.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --input-size: Geben Sie eine Seitenlänge wie 56 oder Breite und Höhe wie 88x40 an, jeweils von 8 bis %2 Pixel.</translation>
    </message>
    <message>
        <source>Combine trained models that read different parts of the face into one.</source>
        <translation>Trainierte Modelle, die verschiedene Teile des Gesichts lesen, zu einem kombinieren.</translation>
    </message>
    <message>
        <source>Trains a CNN for one attribute with LibTorch and writes a model file with its metadata, plus MODEL.evaluation.csv with every test and training probability. The decision threshold is chosen on the validation set (see --threshold-rule).</source>
        <translation>Trainiert mit LibTorch ein CNN für ein Merkmal und schreibt eine Modelldatei mit ihren Metadaten sowie MODEL.evaluation.csv mit jeder Test- und Trainingswahrscheinlichkeit. Der Entscheidungsschwellenwert wird auf dem Validierungsset gewählt (siehe --threshold-rule).</translation>
    </message>
    <message>
        <source>Combines trained models of one attribute and architecture, such as one that reads the whole face and one that reads the eye band, into one model whose input shows each model&apos;s view of the face, one above the other. Its probability is the mean of every network&apos;s. The dataset is preprocessed for the combined input, the threshold chosen on the validation set, and MODEL.evaluation.csv written, as by train; the data options must match those the parts were trained with, so that no part saw the test set.</source>
        <translation>Kombiniert trainierte Modelle eines Merkmals und einer Architektur, etwa eines, das das ganze Gesicht liest, und eines, das das Augenband liest, zu einem Modell, dessen Eingabe die Ansicht jedes Modells untereinander zeigt. Seine Wahrscheinlichkeit ist der Mittelwert aller Netze. Der Datensatz wird für die kombinierte Eingabe vorverarbeitet, der Schwellenwert auf dem Validierungsset gewählt und MODEL.evaluation.csv geschrieben, wie bei train; die Datenoptionen müssen denen entsprechen, mit denen die Teile trainiert wurden, damit kein Teil das Testset gesehen hat.</translation>
    </message>
    <message>
        <source>A model to combine; give two or more.</source>
        <translation>Ein zu kombinierendes Modell; zwei oder mehr angeben.</translation>
    </message>
    <message>
        <source>Model file to write.</source>
        <translation>Zu schreibende Modelldatei.</translation>
    </message>
    <message>
        <source>Average each network&apos;s probabilities for its view and the view&apos;s mirror image.</source>
        <translation>Die Wahrscheinlichkeiten jedes Netzes für seine Ansicht und deren Spiegelbild mitteln.</translation>
    </message>
    <message>
        <source>How the threshold is chosen on the validation set: max-f1 or balanced (default balanced).</source>
        <translation>Wie der Schwellenwert auf dem Validierungsset gewählt wird: max-f1 oder balanced (Standard balanced).</translation>
    </message>
    <message>
        <source>Store the weights in half precision.</source>
        <translation>Die Gewichte in halber Genauigkeit speichern.</translation>
    </message>
    <message>
        <source>combine needs one DATASET, two or more --model FILE and --out FILE. Run &apos;profilelens-cli combine --help&apos;.</source>
        <translation>combine braucht einen DATENSATZ, zwei oder mehr --model DATEI und --out DATEI. Führen Sie &apos;profilelens-cli combine --help&apos; aus.</translation>
    </message>
    <message>
        <source>%1: the model was preprocessed by a newer or unknown pipeline and cannot be combined.</source>
        <translation>%1: Das Modell wurde von einer neueren oder unbekannten Pipeline vorverarbeitet und kann nicht kombiniert werden.</translation>
    </message>
    <message>
        <source>%1 detects &quot;%2&quot;, not &quot;%3&quot;: combine models of the attribute given with --attribute.</source>
        <translation>%1 erkennt „%2“, nicht „%3“: Kombinieren Sie Modelle des mit --attribute angegebenen Merkmals.</translation>
    </message>
    <message>
        <source>Combined %1 networks from %2 models; threshold %3. Model written to %4</source>
        <translation>%1 Netze aus %2 Modellen kombiniert; Schwellenwert %3. Modell geschrieben nach %4</translation>
    </message>
    <message>
        <source>Part of the aligned face the model reads: face (all of it, the default), eyes (a band from the eyebrows to the upper cheeks, which gives thin frames more pixels), or face+eyes (both, the face at 56x56 above the band at 88x40, each view with its own networks, as in the default eyeglasses model).</source>
        <translation>Teil des ausgerichteten Gesichts, den das Modell liest: face (das ganze Gesicht, Standard), eyes (ein Band von den Augenbrauen bis zu den oberen Wangen, das dünnen Fassungen mehr Pixel gibt) oder face+eyes (beides, das Gesicht in 56x56 über dem Band in 88x40, jede Ansicht mit eigenen Netzen, wie im Standard-Brillenmodell).</translation>
    </message>
    <message>
        <source>--input-size does not apply to --face-region face+eyes, whose views are 56x56 and 88x40: leave it out.</source>
        <translation>--input-size gilt nicht für --face-region face+eyes, dessen Ansichten 56x56 und 88x40 groß sind: Lassen Sie es weg.</translation>
    </message>
    <message>
        <source>Invalid --face-region value &apos;%1&apos;: use face, eyes or face+eyes.</source>
        <translation>Ungültiger Wert &apos;%1&apos; für --face-region: face, eyes oder face+eyes verwenden.</translation>
    </message>
    <message>
        <source>Unknown --architecture &apos;%1&apos;: use one of %2.</source>
        <translation>Unbekannte --architecture &apos;%1&apos;: Verwenden Sie eine von %2.</translation>
    </message>
    <message>
        <source>combine takes the views and their sizes from the models: leave out --input-size and --face-region.</source>
        <translation>combine übernimmt die Ansichten und ihre Größen aus den Modellen: Lassen Sie --input-size und --face-region weg.</translation>
    </message>
    <message>
        <source>%1 uses the architecture &quot;%2&quot; and %3 &quot;%4&quot;: combine models of one architecture.</source>
        <translation>%1 verwendet die Architektur „%2“ und %3 „%4“: Kombinieren Sie Modelle einer Architektur.</translation>
    </message>
    <message>
        <source>%1 already reads several views of the face: combine the models it was made of instead.</source>
        <translation>%1 liest bereits mehrere Ansichten des Gesichts: Kombinieren Sie stattdessen die Modelle, aus denen es besteht.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::ConfusionMatrixWidget</name>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Tatsächlich</translation>
    </message>
    <message>
        <source>%1% of row</source>
        <translation>%1 % der Zeile</translation>
    </message>
    <message>
        <source>actual %1, predicted %2: %3 images, %4% of the actual class</source>
        <translation>tatsächlich %1, vorhergesagt %2: %3 Bilder, %4 % der tatsächlichen Klasse</translation>
    </message>
    <message>
        <source>Click a cell to list its images</source>
        <translation>Klicken Sie auf eine Zelle, um ihre Bilder aufzulisten</translation>
    </message>
</context>
<context>
    <name>ProfileLens::Dataset</name>
    <message>
        <source>Available attributes: %1.</source>
        <translation>Verfügbare Merkmale: %1.</translation>
    </message>
    <message>
        <source>Images of the label file without a partition, left out of the official split: %1, for example %2.</source>
        <translation>Bilder der Label-Datei ohne Partition, aus der offiziellen Aufteilung ausgelassen: %1, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Images of the label file without an identity, each treated as a group of its own: %1, for example %2.</source>
        <translation>Bilder der Label-Datei ohne Identität, jedes als eigene Gruppe behandelt: %1, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Images of the label file without landmarks, stored as zeros: %1, for example %2.</source>
        <translation>Bilder der Label-Datei ohne Landmarken, als Nullen gespeichert: %1, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>%1: found several CSV files (%2) and none is named labels.csv. Choose the labels file itself.</source>
        <translation>%1: mehrere CSV-Dateien gefunden (%2), und keine heißt labels.csv. Wählen Sie die Label-Datei selbst.</translation>
    </message>
    <message>
        <source>%1: no dataset found. The folder needs list_attr_celeba.txt, a labels CSV file, or list_attr.txt.</source>
        <translation>%1: kein Datensatz gefunden. Der Ordner braucht list_attr_celeba.txt, eine Label-CSV-Datei oder list_attr.txt.</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2). Check that the file exists and is readable.</source>
        <translation>%1: kann nicht gelesen werden (%2). Prüfen Sie, ob die Datei existiert und lesbar ist.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 images listed in the label file are missing, for example %4. Training and evaluation skip them; download or copy the images into this folder to use them.</source>
        <translation>%1: %2 von %3 in der Label-Datei aufgeführten Bildern fehlen, zum Beispiel %4. Training und Auswertung überspringen sie; laden Sie die Bilder herunter oder kopieren Sie sie in diesen Ordner, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>%1: attribute &apos;%2&apos; not found. %3</source>
        <translation>%1: Merkmal &apos;%2&apos; nicht gefunden. %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already listed on line %2. List each image once.</source>
        <translation>&apos;%1&apos; ist bereits in Zeile %2 aufgeführt. Führen Sie jedes Bild nur einmal auf.</translation>
    </message>
    <message>
        <source>The file is empty. A CelebA-style file starts with the number of rows, then a line of column names.</source>
        <translation>Die Datei ist leer. Eine Datei im CelebA-Format beginnt mit der Zeilenanzahl, dann folgt eine Zeile mit Spaltennamen.</translation>
    </message>
    <message>
        <source>Expected the number of rows, found &apos;%1&apos;. The first line of a CelebA-style file holds only the row count, for example 202599.</source>
        <translation>Die Zeilenanzahl wurde erwartet, gefunden wurde &apos;%1&apos;. Die erste Zeile einer Datei im CelebA-Format enthält nur die Zeilenanzahl, zum Beispiel 202599.</translation>
    </message>
    <message>
        <source>The line of column names is missing. Add it after the row count, for example &apos;%1&apos;.</source>
        <translation>Die Zeile mit den Spaltennamen fehlt. Fügen Sie sie nach der Zeilenanzahl ein, zum Beispiel &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Expected the column names, found a data row (&apos;%1&apos;). Add the line of column names after the row count, for example &apos;%2&apos;.</source>
        <translation>Die Spaltennamen wurden erwartet, gefunden wurde eine Datenzeile (&apos;%1&apos;). Fügen Sie die Zeile mit den Spaltennamen nach der Zeilenanzahl ein, zum Beispiel &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Stopped reading after %1 errors; fix these and load the file again.</source>
        <translation>Lesen nach %1 Fehlern abgebrochen; beheben Sie diese und laden Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>The line of attribute names is empty.</source>
        <translation>Die Zeile mit den Merkmalsnamen ist leer.</translation>
    </message>
    <message>
        <source>Attribute &apos;%1&apos; appears twice. Each attribute name must be unique.</source>
        <translation>Das Merkmal &apos;%1&apos; kommt zweimal vor. Jeder Merkmalsname muss eindeutig sein.</translation>
    </message>
    <message>
        <source>Value &apos;%1&apos; for attribute &apos;%2&apos; of &apos;%3&apos; is invalid. CelebA labels are 1 (present) or -1 (absent).</source>
        <translation>Der Wert &apos;%1&apos; für das Merkmal &apos;%2&apos; von &apos;%3&apos; ist ungültig. CelebA-Labels sind 1 (vorhanden) oder -1 (nicht vorhanden).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has %2 values, expected %3 (one per attribute named on line 2).</source>
        <translation>&apos;%1&apos; hat %2 Werte, erwartet wurden %3 (einer pro in Zeile 2 genanntem Merkmal).</translation>
    </message>
    <message>
        <source>The file lists no images. Add one row per image after the line of attribute names.</source>
        <translation>Die Datei führt keine Bilder auf. Fügen Sie nach der Zeile mit den Merkmalsnamen eine Zeile pro Bild hinzu.</translation>
    </message>
    <message>
        <source>Line 1 gives a count of %1 rows, but %2 rows follow. The file may be truncated: download it again, or correct the count on line 1.</source>
        <translation>Zeile 1 nennt %1 Zeilen, aber es folgen %2 Zeilen. Die Datei ist vielleicht abgeschnitten: Laden Sie sie erneut herunter oder korrigieren Sie die Anzahl in Zeile 1.</translation>
    </message>
    <message>
        <source>Field %1 opens a quote that is not closed. Close it with a double quote; a field may not span lines.</source>
        <translation>Feld %1 öffnet ein Anführungszeichen, das nicht geschlossen wird. Schließen Sie es mit einem doppelten Anführungszeichen; ein Feld darf nicht über mehrere Zeilen gehen.</translation>
    </message>
    <message>
        <source>Field %1 has text after its closing quote. Put the whole field inside the quotes.</source>
        <translation>Feld %1 hat Text nach dem schließenden Anführungszeichen. Setzen Sie das ganze Feld in Anführungszeichen.</translation>
    </message>
    <message>
        <source>The file is empty. The first line must name the columns, for example &apos;filename,Eyeglasses&apos;.</source>
        <translation>Die Datei ist leer. Die erste Zeile muss die Spalten benennen, zum Beispiel &apos;filename,Eyeglasses&apos;.</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos; appears twice. Each column name must be unique.</source>
        <translation>Die Spalte &apos;%1&apos; kommt zweimal vor. Jeder Spaltenname muss eindeutig sein.</translation>
    </message>
    <message>
        <source>Expected the column names, found a data row (&apos;%1&apos;). Add a first line such as &apos;filename,Eyeglasses&apos;.</source>
        <translation>Die Spaltennamen wurden erwartet, gefunden wurde eine Datenzeile (&apos;%1&apos;). Fügen Sie eine erste Zeile wie &apos;filename,Eyeglasses&apos; ein.</translation>
    </message>
    <message>
        <source>The header &apos;%1&apos; has no &apos;filename&apos; column. The first line must name the columns, for example &apos;filename,Eyeglasses&apos;.</source>
        <translation>Die Kopfzeile &apos;%1&apos; hat keine Spalte &apos;filename&apos;. Die erste Zeile muss die Spalten benennen, zum Beispiel &apos;filename,Eyeglasses&apos;.</translation>
    </message>
    <message>
        <source>The header &apos;%1&apos; has no attribute column. Add a column of 1/0 values named after the attribute, for example &apos;filename,Eyeglasses&apos;.</source>
        <translation>Die Kopfzeile &apos;%1&apos; hat keine Merkmalsspalte. Fügen Sie eine Spalte mit 1/0-Werten hinzu, die nach dem Merkmal benannt ist, zum Beispiel &apos;filename,Eyeglasses&apos;.</translation>
    </message>
    <message>
        <source>The row has %1 fields, expected %2 as in the header on line 1.</source>
        <translation>Die Zeile hat %1 Felder, erwartet wurden %2 wie in der Kopfzeile in Zeile 1.</translation>
    </message>
    <message>
        <source>The filename field is empty. Name the image file or remove the row.</source>
        <translation>Das Feld filename ist leer. Nennen Sie die Bilddatei oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>Value &apos;%1&apos; in column &apos;uncertain&apos; is invalid. Use 1 to leave the row out, or 0 or nothing to keep it.</source>
        <translation>Der Wert &apos;%1&apos; in der Spalte &apos;uncertain&apos; ist ungültig. Verwenden Sie 1, um die Zeile auszulassen, oder 0 bzw. nichts, um sie zu behalten.</translation>
    </message>
    <message>
        <source>Value &apos;%1&apos; in column &apos;%2&apos; for &apos;%3&apos; is invalid. Use 1 (present) or 0 (absent).</source>
        <translation>Der Wert &apos;%1&apos; in der Spalte &apos;%2&apos; für &apos;%3&apos; ist ungültig. Verwenden Sie 1 (vorhanden) oder 0 (nicht vorhanden).</translation>
    </message>
    <message>
        <source>Every row is marked uncertain=1, so no image is left.</source>
        <translation>Jede Zeile ist mit uncertain=1 markiert, daher bleibt kein Bild übrig.</translation>
    </message>
    <message>
        <source>The file lists no images. Add one row per image after the header line.</source>
        <translation>Die Datei führt keine Bilder auf. Fügen Sie nach der Kopfzeile eine Zeile pro Bild hinzu.</translation>
    </message>
    <message>
        <source>Column &apos;%1&apos; is not used as an attribute because line %2 contains &apos;%3&apos; (attribute columns contain 1 or 0).</source>
        <translation>Die Spalte &apos;%1&apos; wird nicht als Merkmal verwendet, weil Zeile %2 &apos;%3&apos; enthält (Merkmalsspalten enthalten 1 oder 0).</translation>
    </message>
    <message>
        <source>No column contains only 1 and 0 values, so the file has no usable attribute. %1</source>
        <translation>Keine Spalte enthält nur die Werte 1 und 0, daher hat die Datei kein verwendbares Merkmal. %1</translation>
    </message>
    <message>
        <source>Rows left out because they are marked uncertain=1: %1.</source>
        <translation>Zeilen ausgelassen, weil sie mit uncertain=1 markiert sind: %1.</translation>
    </message>
    <message>
        <source>Rows ignored because they name images that are not in the label file: %1, for example %2.</source>
        <translation>Zeilen ignoriert, weil sie Bilder nennen, die nicht in der Label-Datei stehen: %1, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Expected &apos;filename value&apos;, found &apos;%1&apos;.</source>
        <translation>&apos;Dateiname Wert&apos; wurde erwartet, gefunden wurde &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The file is empty. Each line must hold a file name and a value.</source>
        <translation>Die Datei ist leer. Jede Zeile muss einen Dateinamen und einen Wert enthalten.</translation>
    </message>
    <message>
        <source>Partition &apos;%1&apos; of &apos;%2&apos; is invalid. Use 0 (train), 1 (validation) or 2 (test).</source>
        <translation>Die Partition &apos;%1&apos; von &apos;%2&apos; ist ungültig. Verwenden Sie 0 (Training), 1 (Validierung) oder 2 (Test).</translation>
    </message>
    <message>
        <source>Expected %1 coordinate names (lefteye_x lefteye_y ... rightmouth_y), found %2.</source>
        <translation>%1 Koordinatennamen (lefteye_x lefteye_y ... rightmouth_y) wurden erwartet, gefunden wurden %2.</translation>
    </message>
    <message>
        <source>Coordinate &apos;%1&apos; (%2) of &apos;%3&apos; is not an integer pixel position.</source>
        <translation>Die Koordinate &apos;%1&apos; (%2) von &apos;%3&apos; ist keine ganzzahlige Pixelposition.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has %2 coordinates, expected %3.</source>
        <translation>&apos;%1&apos; hat %2 Koordinaten, erwartet wurden %3.</translation>
    </message>
    <message>
        <source>Attribute &apos;%1&apos; not found in %2. %3</source>
        <translation>Merkmal &apos;%1&apos; in %2 nicht gefunden. %3</translation>
    </message>
    <message>
        <source>The number of images to select must be at least 1, not %1.</source>
        <translation>Die Anzahl der auszuwählenden Bilder muss mindestens 1 sein, nicht %1.</translation>
    </message>
    <message>
        <source>Rows not considered because their image is missing: %1.</source>
        <translation>Zeilen nicht berücksichtigt, weil ihr Bild fehlt: %1.</translation>
    </message>
    <message>
        <source>No image is available for attribute &apos;%1&apos;: %2 of the %3 rows have no image on disk. Copy the images into %4.</source>
        <translation>Für das Merkmal &apos;%1&apos; ist kein Bild verfügbar: %2 der %3 Zeilen haben kein Bild auf der Festplatte. Kopieren Sie die Bilder nach %4.</translation>
    </message>
    <message>
        <source>The selection holds only one class of &apos;%1&apos; (%2 positive, %3 negative); a classifier cannot learn from it.</source>
        <translation>Die Auswahl enthält nur eine Klasse von &apos;%1&apos; (%2 positiv, %3 negativ); daraus kann ein Klassifikator nicht lernen.</translation>
    </message>
    <message>
        <source>train %1 images (%2 positive)</source>
        <translation>Training %1 Bilder (%2 positiv)</translation>
    </message>
    <message>
        <source>, validation %1 images (%2 positive)</source>
        <translation>, Validierung %1 Bilder (%2 positiv)</translation>
    </message>
    <message>
        <source>, test %1 images (%2 positive)</source>
        <translation>, Test %1 Bilder (%2 positiv)</translation>
    </message>
    <message>
        <source>, %1 left out</source>
        <translation>, %1 ausgelassen</translation>
    </message>
    <message>
        <source>Attribute column %1 does not exist; the dataset has %2 attributes.</source>
        <translation>Die Merkmalsspalte %1 existiert nicht; der Datensatz hat %2 Merkmale.</translation>
    </message>
    <message>
        <source>Row %1 does not exist; the dataset has %2 rows.</source>
        <translation>Die Zeile %1 existiert nicht; der Datensatz hat %2 Zeilen.</translation>
    </message>
    <message>
        <source>The test fraction must be greater than 0 and less than 1, not %1.</source>
        <translation>Der Testanteil muss größer als 0 und kleiner als 1 sein, nicht %1.</translation>
    </message>
    <message>
        <source>The official split needs list_eval_partition.txt next to the attribute file, and %1 has none. Choose the random or group split.</source>
        <translation>Die offizielle Aufteilung braucht list_eval_partition.txt neben der Merkmalsdatei, und %1 hat keine. Wählen Sie die zufällige oder die Gruppen-Aufteilung.</translation>
    </message>
    <message>
        <source>The group split needs a &apos;group&apos; or &apos;person&apos; column (or identity_CelebA.txt), and %1 has none. Choose the random split.</source>
        <translation>Die Gruppen-Aufteilung braucht eine Spalte &apos;group&apos; oder &apos;person&apos; (oder identity_CelebA.txt), und %1 hat keine. Wählen Sie die zufällige Aufteilung.</translation>
    </message>
    <message>
        <source>%1 selected rows have no partition and were left out.</source>
        <translation>%1 ausgewählte Zeilen haben keine Partition und wurden ausgelassen.</translation>
    </message>
    <message>
        <source>The split left the training or the test set empty (%1). Select images of more people.</source>
        <translation>Die Aufteilung hat den Trainings- oder den Testdatensatz leer gelassen (%1). Wählen Sie Bilder von mehr Personen aus.</translation>
    </message>
    <message>
        <source>The split left the training or the test set empty (%1). Select more images.</source>
        <translation>Die Aufteilung hat den Trainings- oder den Testdatensatz leer gelassen (%1). Wählen Sie mehr Bilder aus.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::DownloadDialog</name>
    <message>
        <source>Download Pictures</source>
        <translation>Bilder herunterladen</translation>
    </message>
    <message>
        <source>&amp;URLs or account handles, one per line:</source>
        <translation>&amp;URLs oder Konto-Namen, einer pro Zeile:</translation>
    </message>
    <message>
        <source>URLs or account handles</source>
        <translation>URLs oder Konto-Namen</translation>
    </message>
    <message>
        <source>https://example.com/photos/anna.jpg
@anna_smith
# Lines starting with # are skipped</source>
        <translation>https://example.com/photos/anna.jpg
@anna_smith
# Zeilen, die mit # beginnen, werden übersprungen</translation>
    </message>
    <message>
        <source>URL of an account&apos;s picture; {handle} is replaced by the handle without &apos;@&apos;.</source>
        <translation>URL des Bildes eines Kontos; {handle} wird durch den Konto-Namen ohne &apos;@&apos; ersetzt.</translation>
    </message>
    <message>
        <source>Number of downloads that run at the same time.</source>
        <translation>Anzahl der Downloads, die gleichzeitig laufen.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A download fails when no data arrives for this many seconds.</source>
        <translation>Ein Download schlägt fehl, wenn so viele Sekunden lang keine Daten ankommen.</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Larger downloads are stopped and reported as failed.</source>
        <translation>Größere Downloads werden abgebrochen und als fehlgeschlagen gemeldet.</translation>
    </message>
    <message>
        <source>Extra attempts after a timeout, a server error (HTTP 5xx, 408, 429) or a dropped connection. The wait starts at one second and doubles each time.</source>
        <translation>Zusätzliche Versuche nach einer Zeitüberschreitung, einem Serverfehler (HTTP 5xx, 408, 429) oder einer abgebrochenen Verbindung. Die Wartezeit beginnt bei einer Sekunde und verdoppelt sich jedes Mal.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Handle URL template:</source>
        <translation>&amp;Vorlage für Konto-URLs:</translation>
    </message>
    <message>
        <source>Downloads at &amp;once:</source>
        <translation>Downloads &amp;gleichzeitig:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Size limit:</source>
        <translation>&amp;Größenlimit:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop every download that has not finished.</source>
        <translation>Alle Downloads anhalten, die noch nicht fertig sind.</translation>
    </message>
    <message>
        <source>No project is open. Open or create a project, then download.</source>
        <translation>Es ist kein Projekt geöffnet. Öffnen oder erstellen Sie ein Projekt und laden Sie dann herunter.</translation>
    </message>
    <message>
        <source>Nothing to download. Paste URLs or account handles, one per line.</source>
        <translation>Nichts herunterzuladen. Fügen Sie URLs oder Konto-Namen ein, einen pro Zeile.</translation>
    </message>
    <message>
        <source>Downloading %1 items...</source>
        <translation>%1 Einträge werden heruntergeladen...</translation>
    </message>
    <message>
        <source>Already in the project as image %1.</source>
        <translation>Bereits als Bild %1 im Projekt.</translation>
    </message>
    <message>
        <source>Imported as image %1.</source>
        <translation>Als Bild %1 importiert.</translation>
    </message>
    <message>
        <source>%1 downloaded</source>
        <translation>%1 heruntergeladen</translation>
    </message>
    <message>
        <source>1 duplicate</source>
        <translation>1 Duplikat</translation>
    </message>
    <message>
        <source>%1 duplicates</source>
        <translation>%1 Duplikate</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
</context>
<context>
    <name>ProfileLens::DownloadTableModel</name>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>downloading %1%</source>
        <translation>lädt herunter %1 %</translation>
    </message>
    <message>
        <source>downloading %1</source>
        <translation>lädt herunter %1</translation>
    </message>
    <message>
        <source>retrying (attempt %1)</source>
        <translation>neuer Versuch (Versuch %1)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ProfileLens::Downloader</name>
    <message>
        <source>Line %1 (&quot;%2&quot;): %3</source>
        <translation>Zeile %1 (&quot;%2&quot;): %3</translation>
    </message>
    <message>
        <source>%1 is not a valid URL (%2).</source>
        <translation>%1 ist keine gültige URL (%2).</translation>
    </message>
    <message>
        <source>%1 uses the scheme &quot;%2&quot;; only http and https URLs are accepted.</source>
        <translation>%1 verwendet das Schema &quot;%2&quot;; nur http- und https-URLs werden akzeptiert.</translation>
    </message>
    <message>
        <source>%1 has no host name.</source>
        <translation>%1 hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>the line is empty.</source>
        <translation>die Zeile ist leer.</translation>
    </message>
    <message>
        <source>The URL</source>
        <translation>Die URL</translation>
    </message>
    <message>
        <source>not a URL or an account handle. URLs start with http:// or https://; handles are 1 to 30 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, optionally after &apos;@&apos;.</source>
        <translation>weder eine URL noch ein Konto-Name. URLs beginnen mit http:// oder https://; Konto-Namen bestehen aus 1 bis 30 Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos;, wahlweise nach &apos;@&apos;.</translation>
    </message>
    <message>
        <source>the handle URL template &quot;%1&quot; has no {handle} placeholder. Fix the template in the download settings.</source>
        <translation>die Vorlage für Konto-URLs &quot;%1&quot; hat keinen Platzhalter {handle}. Korrigieren Sie die Vorlage in den Download-Einstellungen.</translation>
    </message>
    <message>
        <source>The handle URL template &quot;%1&quot;</source>
        <translation>Die Vorlage für Konto-URLs &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>%1: too large (the server announced %2 bytes; the limit is %3 bytes).</source>
        <translation>%1: zu groß (der Server hat %2 Bytes angekündigt; das Limit ist %3 Bytes).</translation>
    </message>
    <message>
        <source>%1: too large (more than %2 bytes received).</source>
        <translation>%1: zu groß (mehr als %2 Bytes empfangen).</translation>
    </message>
    <message>
        <source>%1: too many redirects (more than %2; the server may redirect in a loop).</source>
        <translation>%1: zu viele Weiterleitungen (mehr als %2; der Server leitet vielleicht im Kreis weiter).</translation>
    </message>
    <message>
        <source>%1: the server redirected from https to an insecure http URL, which is not followed.</source>
        <translation>%1: Der Server hat von https auf eine unsichere http-URL weitergeleitet; dieser Weiterleitung wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>%1: timed out (no data for %2 ms).</source>
        <translation>%1: Zeitüberschreitung (%2 ms lang keine Daten).</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1: HTTP %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the image is too large: %2</source>
        <translation>%1: das Bild ist zu groß: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1: not an image (Content-Type %2, %3 bytes). Check that the link points to a picture, not to a web page.</source>
        <translation>%1: kein Bild (Content-Type %2, %3 Bytes). Prüfen Sie, ob der Link auf ein Bild zeigt und nicht auf eine Webseite.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::EvaluationDashboard</name>
    <message>
        <source>Test split</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <source>Training split</source>
        <translation>Trainingsanteil</translation>
    </message>
    <message>
        <source>Hand-labelled images</source>
        <translation>Von Hand beschriftete Bilder</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Targeting List (CSV)...</source>
        <translation>Zielliste (CSV)...</translation>
    </message>
    <message>
        <source>ROC Chart (PNG or SVG)...</source>
        <translation>ROC-Diagramm (PNG oder SVG)...</translation>
    </message>
    <message>
        <source>Precision-Recall Chart (PNG or SVG)...</source>
        <translation>Precision-Recall-Diagramm (PNG oder SVG)...</translation>
    </message>
    <message>
        <source>Report (Text)...</source>
        <translation>Bericht (Text)...</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Data:</source>
        <translation>&amp;Daten:</translation>
    </message>
    <message>
        <source>Classification report</source>
        <translation>Klassifikationsbericht</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC-Kurve</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <source>Precision-recall curve</source>
        <translation>Precision-Recall-Kurve</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Images of the data set</source>
        <translation>Bilder des Datensatzes</translation>
    </message>
    <message>
        <source>Show &amp;All Images</source>
        <translation>&amp;Alle Bilder anzeigen</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Max &amp;F1</source>
        <translation>Max. &amp;F1</translation>
    </message>
    <message>
        <source>Threshold with the highest F1 score on this data</source>
        <translation>Schwellenwert mit dem höchsten F1-Wert auf diesen Daten</translation>
    </message>
    <message>
        <source>&amp;Youden</source>
        <translation>&amp;Youden</translation>
    </message>
    <message>
        <source>Threshold with the highest true positive rate minus false positive rate</source>
        <translation>Schwellenwert mit der höchsten Richtig-Positiv-Rate minus Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>Target recall</source>
        <translation>Ziel-Trefferquote</translation>
    </message>
    <message>
        <source>&amp;Recall at least</source>
        <translation>&amp;Trefferquote mindestens</translation>
    </message>
    <message>
        <source>Highest threshold whose recall reaches the target</source>
        <translation>Höchster Schwellenwert, dessen Trefferquote das Ziel erreicht</translation>
    </message>
    <message>
        <source>&amp;Save Threshold</source>
        <translation>Schwellenwert &amp;speichern</translation>
    </message>
    <message>
        <source>Store this threshold with the model</source>
        <translation>Diesen Schwellenwert mit dem Modell speichern</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>Shipped model (%1)</source>
        <translation>Mitgeliefertes Modell (%1)</translation>
    </message>
    <message>
        <source>(active)</source>
        <translation>(aktiv)</translation>
    </message>
    <message>
        <source>Loading %1...</source>
        <translation>%1 wird geladen...</translation>
    </message>
    <message>
        <source>Only thresholds of project models can be stored</source>
        <translation>Nur Schwellenwerte von Projektmodellen können gespeichert werden</translation>
    </message>
    <message>
        <source>%1 images, %2 with the attribute, AUC %3</source>
        <translation>%1 Bilder, %2 mit dem Merkmal, AUC %3</translation>
    </message>
    <message>
        <source>All %1 images, highest probability first</source>
        <translation>Alle %1 Bilder, höchste Wahrscheinlichkeit zuerst</translation>
    </message>
    <message>
        <source>%1 images of the chosen cell</source>
        <translation>%1 Bilder der gewählten Zelle</translation>
    </message>
    <message>
        <source>No %1 threshold exists for this data: it needs images with and without the attribute.</source>
        <translation>Für diese Daten gibt es keinen %1-Schwellenwert: Er braucht Bilder mit und ohne das Merkmal.</translation>
    </message>
    <message>
        <source>maximum-F1</source>
        <translation>Max-F1</translation>
    </message>
    <message>
        <source>Youden</source>
        <translation>Youden</translation>
    </message>
    <message>
        <source>target-recall</source>
        <translation>Ziel-Trefferquote</translation>
    </message>
    <message>
        <source>Only thresholds of the project&apos;s own models can be stored.</source>
        <translation>Nur Schwellenwerte der eigenen Modelle des Projekts können gespeichert werden.</translation>
    </message>
    <message>
        <source>Threshold %1 stored with the model.</source>
        <translation>Schwellenwert %1 mit dem Modell gespeichert.</translation>
    </message>
    <message>
        <source>%1 images labelled %2 and predicted %3</source>
        <translation>%1 Bilder mit Label %2 und Vorhersage %3</translation>
    </message>
    <message>
        <source>Choose one of the project&apos;s models to export its predictions.</source>
        <translation>Wählen Sie eines der Modelle des Projekts, um seine Vorhersagen zu exportieren.</translation>
    </message>
    <message>
        <source>Export Targeting List</source>
        <translation>Zielliste exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Test</source>
        <extracomment>Chart legend: the test split of the model&apos;s data set.</extracomment>
        <translation>Test</translation>
    </message>
    <message>
        <source>Train</source>
        <extracomment>Chart legend: the training split of the model&apos;s data set.</extracomment>
        <translation>Training</translation>
    </message>
    <message>
        <source>Labelled</source>
        <extracomment>Chart legend: the project images labelled by hand.</extracomment>
        <translation>Beschriftet</translation>
    </message>
    <message>
        <source>%1 AUC %2</source>
        <extracomment>Chart legend entry: data set name, then area under the ROC curve.</extracomment>
        <translation>%1 AUC %2</translation>
    </message>
    <message>
        <source>%1 AP %2</source>
        <extracomment>Chart legend entry: data set name, then average precision.</extracomment>
        <translation>%1 AP %2</translation>
    </message>
    <message>
        <source>&amp;Balanced</source>
        <translation>Ausge&amp;wogen</translation>
    </message>
    <message>
        <source>Threshold that flags as many images as have the attribute, where precision equals recall</source>
        <translation>Schwellenwert, der so viele Bilder markiert, wie das Merkmal haben; dort ist die Präzision gleich der Trefferquote</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>Ausgewogen</translation>
    </message>
</context>
<context>
    <name>ProfileLens::EvaluationModel</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>ProfileLens::FaceAligner</name>
    <message>
        <source>No face found: the image is too small (%1 x %2 pixels; at least %3 pixels on each side are needed).</source>
        <translation>Kein Gesicht gefunden: Das Bild ist zu klein (%1 x %2 Pixel; mindestens %3 Pixel pro Seite sind nötig).</translation>
    </message>
    <message>
        <source>No face found: the detector found no frontal face (searched faces down to about %1 pixels wide).</source>
        <translation>Kein Gesicht gefunden: Der Detektor hat kein frontales Gesicht gefunden (gesucht bis zu Gesichtern von etwa %1 Pixeln Breite).</translation>
    </message>
    <message>
        <source>No face found: face detection failed (%1).</source>
        <translation>Kein Gesicht gefunden: Die Gesichtserkennung ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>No image to align.</source>
        <translation>Kein Bild zum Ausrichten.</translation>
    </message>
    <message>
        <source>Alignment from the given eye centres failed (%1).</source>
        <translation>Die Ausrichtung an den angegebenen Augenmittelpunkten ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>Landmark model %1 not found. Install Debian&apos;s libdlib-data package or set PROFILELENS_LANDMARK_MODEL to the path of shape_predictor_68_face_landmarks.dat.</source>
        <translation>Das Landmarken-Modell %1 wurde nicht gefunden. Installieren Sie das Debian-Paket libdlib-data oder setzen Sie PROFILELENS_LANDMARK_MODEL auf den Pfad von shape_predictor_68_face_landmarks.dat.</translation>
    </message>
    <message>
        <source>Landmark model %1 has %2 points; a 68-point model is needed.</source>
        <translation>Das Landmarken-Modell %1 hat %2 Punkte; ein Modell mit 68 Punkten wird benötigt.</translation>
    </message>
    <message>
        <source>Landmark model %1 could not be read (%2). Reinstall libdlib-data.</source>
        <translation>Das Landmarken-Modell %1 konnte nicht gelesen werden (%2). Installieren Sie libdlib-data neu.</translation>
    </message>
    <message>
        <source>The eye centres are less than one pixel apart.</source>
        <translation>Die Augenmittelpunkte liegen weniger als ein Pixel auseinander.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::FeatureCache</name>
    <message>
        <source>Could not write the preprocessing cache %1 (%2).</source>
        <translation>Der Vorverarbeitungs-Cache %1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Could not write the preprocessing cache %1 (%2). Check the free disk space.</source>
        <translation>Der Vorverarbeitungs-Cache %1 konnte nicht geschrieben werden (%2). Prüfen Sie den freien Speicherplatz.</translation>
    </message>
    <message>
        <source>Preprocessing canceled; %1 images are cached for the next run.</source>
        <translation>Vorverarbeitung abgebrochen; %1 Bilder sind für den nächsten Lauf im Cache.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::GalleryModel</name>
    <message>
        <source>unlabelled</source>
        <translation>ohne Label</translation>
    </message>
    <message>
        <source>%1
%2 x %3 pixels
%4: %5</source>
        <translation>%1
%2 x %3 Pixel
%4: %5</translation>
    </message>
    <message>
        <source>
Predicted probability: %1</source>
        <translation>
Vorhergesagte Wahrscheinlichkeit: %1</translation>
    </message>
    <message>
        <source>No project is open. Open or create a project first.</source>
        <translation>Es ist kein Projekt geöffnet. Öffnen oder erstellen Sie zuerst ein Projekt.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::ImageLoader</name>
    <message>
        <source>%1: empty file (0 bytes). Download or copy it again.</source>
        <translation>%1: leere Datei (0 Bytes). Laden Sie sie erneut herunter oder kopieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1: unsupported image format (%2); this build has no decoder for it. Convert it to JPEG or PNG.</source>
        <translation>%1: nicht unterstütztes Bildformat (%2); dieser Build hat keinen Decoder dafür. Wandeln Sie es in JPEG oder PNG um.</translation>
    </message>
    <message>
        <source>%1: not an image (the content is not JPEG, PNG, GIF, BMP, WebP or TIFF data). If it was downloaded, the server may have sent an error page.</source>
        <translation>%1: kein Bild (der Inhalt ist weder JPEG-, PNG-, GIF-, BMP-, WebP- noch TIFF-Daten). Falls es heruntergeladen wurde, hat der Server vielleicht eine Fehlerseite gesendet.</translation>
    </message>
    <message>
        <source>%1: unsupported image format (%2). Use a JPEG, PNG, GIF, BMP, WebP or TIFF picture.</source>
        <translation>%1: nicht unterstütztes Bildformat (%2). Verwenden Sie ein JPEG-, PNG-, GIF-, BMP-, WebP- oder TIFF-Bild.</translation>
    </message>
    <message>
        <source>%1: image too large (%2 x %3 pixels, %4 megapixels; the limit is %5 megapixels). Scale it down before importing.</source>
        <translation>%1: Bild zu groß (%2 x %3 Pixel, %4 Megapixel; das Limit ist %5 Megapixel). Verkleinern Sie es vor dem Import.</translation>
    </message>
    <message>
        <source>%1: the %2 data is truncated or corrupt (%3). Download or copy the file again.</source>
        <translation>%1: die %2-Daten sind abgeschnitten oder beschädigt (%3). Laden Sie die Datei erneut herunter oder kopieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1: could not decode the %2 image (%3).</source>
        <translation>%1: das %2-Bild konnte nicht dekodiert werden (%3).</translation>
    </message>
    <message>
        <source>%1: image too large (%2 x %3 pixels). Scale it down before importing.</source>
        <translation>%1: Bild zu groß (%2 x %3 Pixel). Verkleinern Sie es vor dem Import.</translation>
    </message>
    <message>
        <source>%1: the JPEG data is truncated; the missing part is filled with gray.</source>
        <translation>%1: die JPEG-Daten sind abgeschnitten; der fehlende Teil wird grau gefüllt.</translation>
    </message>
    <message>
        <source>%1: file not found. Check the path.</source>
        <translation>%1: Datei nicht gefunden. Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <source>%1: not a file (a folder or device).</source>
        <translation>%1: keine Datei (ein Ordner oder Gerät).</translation>
    </message>
    <message>
        <source>%1: file too large (%2 MB). Profile pictures are far smaller; scale it down before importing.</source>
        <translation>%1: Datei zu groß (%2 MB). Profilbilder sind weit kleiner; verkleinern Sie es vor dem Import.</translation>
    </message>
    <message>
        <source>%1: could not be read (%2).</source>
        <translation>%1: konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>%1: could not be decoded (%2).</source>
        <translation>%1: konnte nicht dekodiert werden (%2).</translation>
    </message>
</context>
<context>
    <name>ProfileLens::MainWindow</name>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Label not saved</source>
        <translation>Label nicht gespeichert</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Import Files...</source>
        <translation>Dateien &amp;importieren...</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import picture files into the project</source>
        <translation>Bilddateien in das Projekt importieren</translation>
    </message>
    <message>
        <source>Import &amp;Folder...</source>
        <translation>&amp;Ordner importieren...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import every picture in a folder and its subfolders</source>
        <translation>Alle Bilder eines Ordners und seiner Unterordner importieren</translation>
    </message>
    <message>
        <source>&amp;Download by URL or Handle...</source>
        <translation>Per URL oder Konto-Namen &amp;herunterladen...</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Label the selected images Yes (Y)</source>
        <translation>Die ausgewählten Bilder mit Ja beschriften (Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>Label the selected images No (N)</source>
        <translation>Die ausgewählten Bilder mit Nein beschriften (N)</translation>
    </message>
    <message>
        <source>&amp;Unsure</source>
        <translation>&amp;Unsicher</translation>
    </message>
    <message>
        <source>Label the selected images Unsure (U)</source>
        <translation>Die ausgewählten Bilder mit Unsicher beschriften (U)</translation>
    </message>
    <message>
        <source>&amp;Clear Label</source>
        <translation>Label &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the label of the selected images (Delete)</source>
        <translation>Das Label der ausgewählten Bilder entfernen (Entf)</translation>
    </message>
    <message>
        <source>Add &amp;Attribute...</source>
        <translation>&amp;Merkmal hinzufügen...</translation>
    </message>
    <message>
        <source>Label another attribute, such as Smiling</source>
        <translation>Ein weiteres Merkmal beschriften, zum Beispiel Smiling</translation>
    </message>
    <message>
        <source>&amp;Advance After Labeling</source>
        <translation>Nach dem Beschriften &amp;weiter</translation>
    </message>
    <message>
        <source>Move to the next image after each label</source>
        <translation>Nach jedem Label zum nächsten Bild wechseln</translation>
    </message>
    <message>
        <source>&amp;Larger Thumbnails</source>
        <translation>&amp;Größere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Smaller Thumbnails</source>
        <translation>&amp;Kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Train Model...</source>
        <translation>Modell &amp;trainieren...</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About ProfileLens</source>
        <translation>&amp;Über ProfileLens</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>Bes&amp;chriften</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Labeling</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>A&amp;ttribute:</source>
        <translation>&amp;Merkmal:</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Merkmal hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Predicted yes</source>
        <translation>Vorhersage Ja</translation>
    </message>
    <message>
        <source>Predicted no</source>
        <translation>Vorhersage Nein</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Den Import abbrechen</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Eye positions saved for %1.</source>
        <translation>Augenpositionen für %1 gespeichert.</translation>
    </message>
    <message>
        <source>S&amp;tages Panel</source>
        <translation>&amp;Stufen-Bereich</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Create Project</source>
        <translation>Projekt kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cannot Read Project</source>
        <translation>Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 - ProfileLens</source>
        <translation>%1 - ProfileLens</translation>
    </message>
    <message>
        <source>Cannot Read Labels</source>
        <translation>Labels können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Choose an Empty Folder for the New Project</source>
        <translation>Einen leeren Ordner für das neue Projekt wählen</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>Removed from the recent projects because they no longer exist: %1</source>
        <translation>Aus den zuletzt geöffneten Projekten entfernt, weil sie nicht mehr existieren: %1</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Project Not Found</source>
        <translation>Projekt nicht gefunden</translation>
    </message>
    <message>
        <source>%1 no longer contains a project, so it was removed from the recent projects.</source>
        <translation>%1 enthält kein Projekt mehr und wurde daher aus den zuletzt geöffneten Projekten entfernt.</translation>
    </message>
    <message>
        <source>No Recent Projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Select an image first: click it or use the arrow keys.</source>
        <translation>Wählen Sie zuerst ein Bild aus: Klicken Sie darauf oder verwenden Sie die Pfeiltasten.</translation>
    </message>
    <message>
        <source>%1: counts unavailable</source>
        <translation>%1: Anzahlen nicht verfügbar</translation>
    </message>
    <message>
        <source>%1: %2 yes, %3 no, %4 unsure, %5 unlabelled</source>
        <translation>%1: %2 ja, %3 nein, %4 unsicher, %5 ohne Label</translation>
    </message>
    <message>
        <source>No project is open. Use File &gt; New Project or File &gt; Open Project.</source>
        <translation>Es ist kein Projekt geöffnet. Verwenden Sie Datei &gt; Neues Projekt oder Datei &gt; Projekt öffnen.</translation>
    </message>
    <message>
        <source>Drop pictures or folders here, or use File &gt; Import</source>
        <translation>Bilder oder Ordner hier ablegen oder Datei &gt; Importieren verwenden</translation>
    </message>
    <message>
        <source>No image matches the filter &quot;%1&quot;. Choose &quot;All&quot; under Show to see every image.</source>
        <translation>Kein Bild passt zum Filter &quot;%1&quot;. Wählen Sie &quot;Alle&quot; unter Zeigen, um jedes Bild zu sehen.</translation>
    </message>
    <message>
        <source>Add Attribute</source>
        <translation>Merkmal hinzufügen</translation>
    </message>
    <message>
        <source>Choose a CelebA attribute or type a new name (letters, digits, &apos;_&apos; or &apos;-&apos;):</source>
        <translation>Wählen Sie ein CelebA-Merkmal oder geben Sie einen neuen Namen ein (Buchstaben, Ziffern, &apos;_&apos; oder &apos;-&apos;):</translation>
    </message>
    <message>
        <source>Invalid Attribute Name</source>
        <translation>Ungültiger Merkmalsname</translation>
    </message>
    <message>
        <source>Cannot Add Attribute</source>
        <translation>Merkmal kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>No Project Open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>Open or create a project before importing pictures.</source>
        <translation>Öffnen oder erstellen Sie ein Projekt, bevor Sie Bilder importieren.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n more item(s) behind the running import.</source>
        <translation>
            <numerusform>%n weiterer Eintrag hinter dem laufenden Import eingereiht.</numerusform>
            <numerusform>%n weitere Einträge hinter dem laufenden Import eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pictures (%1);;All files (*)</source>
        <translation>Bilder (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Pictures</source>
        <translation>Bilder importieren</translation>
    </message>
    <message>
        <source>Import Every Picture in a Folder</source>
        <translation>Alle Bilder eines Ordners importieren</translation>
    </message>
    <message numerus="yes">
        <source>Downloaded %n new image(s)</source>
        <translation>
            <numerusform>%n neues Bild heruntergeladen</numerusform>
            <numerusform>%n neue Bilder heruntergeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n duplicate(s) skipped</source>
        <translation>
            <numerusform>, %n Duplikat übersprungen</numerusform>
            <numerusform>, %n Duplikate übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importieren...</translation>
    </message>
    <message>
        <source>Importing %1 of %2</source>
        <translation>Importiere %1 von %2</translation>
    </message>
    <message>
        <source>Import Finished with Problems</source>
        <translation>Import mit Problemen abgeschlossen</translation>
    </message>
    <message>
        <source>These files were not imported:
%1</source>
        <translation>Diese Dateien wurden nicht importiert:
%1</translation>
    </message>
    <message>
        <source>About ProfileLens</source>
        <translation>Über ProfileLens</translation>
    </message>
    <message>
        <source>&lt;b&gt;ProfileLens %1&lt;/b&gt;&lt;p&gt;Finds profile pictures that show a face attribute, such as eyeglasses: label pictures, train a model, and export the accounts to target.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ProfileLens %1&lt;/b&gt;&lt;p&gt;Findet Profilbilder, die ein Gesichtsmerkmal wie eine Brille zeigen: Bilder beschriften, ein Modell trainieren und die Zielkonten exportieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train a model on a dataset or on the project&apos;s labels</source>
        <translation>Ein Modell auf einem Datensatz oder den Labels des Projekts trainieren</translation>
    </message>
    <message>
        <source>&amp;Predict All Images</source>
        <translation>Alle Bilder &amp;vorhersagen</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Score every project image with the active model</source>
        <translation>Jedes Projektbild mit dem aktiven Modell bewerten</translation>
    </message>
    <message>
        <source>&amp;Evaluate Models</source>
        <translation>Modelle &amp;auswerten</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Show the confusion matrix, report and curves of a model</source>
        <translation>Konfusionsmatrix, Bericht und Kurven eines Modells anzeigen</translation>
    </message>
    <message>
        <source>Set &amp;Active Model</source>
        <translation>&amp;Aktives Modell festlegen</translation>
    </message>
    <message>
        <source>Selected on Evaluation page</source>
        <translation>Auf der Auswertungsseite ausgewählt</translation>
    </message>
    <message>
        <source>Prediction progress</source>
        <translation>Fortschritt der Vorhersage</translation>
    </message>
    <message>
        <source>Cancel the prediction</source>
        <translation>Die Vorhersage abbrechen</translation>
    </message>
    <message>
        <source>Cancel prediction</source>
        <translation>Vorhersage abbrechen</translation>
    </message>
    <message>
        <source>&amp;Pictures</source>
        <translation>&amp;Bilder</translation>
    </message>
    <message>
        <source>E&amp;valuation</source>
        <translation>A&amp;uswertung</translation>
    </message>
    <message>
        <source>%1 is now the active model. Use Models &gt; Predict All Images to score the pictures.</source>
        <translation>%1 ist jetzt das aktive Modell. Mit Modelle &gt; Alle Bilder vorhersagen werden die Bilder bewertet.</translation>
    </message>
    <message>
        <source>No default model found; train one with Models &gt; Train Model</source>
        <translation>Kein Standardmodell gefunden; trainieren Sie eines mit Modelle &gt; Modell trainieren</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Cannot Change the Active Model</source>
        <translation>Aktives Modell kann nicht geändert werden</translation>
    </message>
    <message>
        <source>No Models; Use Train Model</source>
        <translation>Keine Modelle; Modell trainieren verwenden</translation>
    </message>
    <message>
        <source>%1 (%2, threshold %3)</source>
        <translation>%1 (%2, Schwellenwert %3)</translation>
    </message>
    <message>
        <source>The project has no active model. Train one with Models &gt; Train Model, or choose one under Models &gt; Set Active Model.</source>
        <translation>Das Projekt hat kein aktives Modell. Trainieren Sie eines mit Modelle &gt; Modell trainieren oder wählen Sie eines unter Modelle &gt; Aktives Modell festlegen.</translation>
    </message>
    <message>
        <source>Predicting with %1...</source>
        <translation>Vorhersage mit %1...</translation>
    </message>
    <message>
        <source>Predicting %1 of %2</source>
        <translation>Vorhersage %1 von %2</translation>
    </message>
    <message>
        <source>Prediction canceled; nothing was stored.</source>
        <translation>Vorhersage abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Prediction Failed</source>
        <translation>Vorhersage fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stored probabilities for %1 of %2 images (%3 without a usable face).</source>
        <translation>Wahrscheinlichkeiten für %1 von %2 Bildern gespeichert (%3 ohne verwendbares Gesicht).</translation>
    </message>
    <message numerus="yes">
        <source>The gallery shows the %n image(s) selected on the Evaluation page; choose &quot;All&quot; under Show to see every image.</source>
        <translation>
            <numerusform>Die Galerie zeigt das %n auf der Auswertungsseite ausgewählte Bild; wählen Sie „Alle“ unter Zeigen, um jedes Bild zu sehen.</numerusform>
            <numerusform>Die Galerie zeigt die %n auf der Auswertungsseite ausgewählten Bilder; wählen Sie „Alle“ unter Zeigen, um jedes Bild zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo Picture Missing</source>
        <translation>Demobild fehlt</translation>
    </message>
    <message>
        <source>%1
Reinstall ProfileLens or import pictures with File &gt; Import.</source>
        <translation>%1
Installieren Sie ProfileLens neu oder importieren Sie Bilder mit Datei &gt; Importieren.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Toolbar tooltip: what the button does, then its keyboard shortcut.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ProfileLens::PredictAllWorker</name>
    <message>
        <source>The project has no active model. Train a model or choose one on the evaluation page first.</source>
        <translation>Das Projekt hat kein aktives Modell. Trainieren Sie ein Modell oder wählen Sie zuerst eines auf der Auswertungsseite.</translation>
    </message>
    <message>
        <source>Model %1 is not registered in the project %2.</source>
        <translation>Das Modell %1 ist im Projekt %2 nicht registriert.</translation>
    </message>
    <message>
        <source>Prediction stopped with an internal error: %1</source>
        <translation>Die Vorhersage wurde durch einen internen Fehler angehalten: %1</translation>
    </message>
</context>
<context>
    <name>ProfileLens::Preprocessor</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: preprocessing failed (%2).</source>
        <translation>%1: Vorverarbeitung fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>%1: canceled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>There are no parts to place in the input.</source>
        <translation>Es gibt keine Teile, die in die Eingabe gelegt werden können.</translation>
    </message>
    <message>
        <source>A model input with several views cannot be one view of another.</source>
        <translation>Eine Modelleingabe mit mehreren Ansichten kann nicht Ansicht einer anderen sein.</translation>
    </message>
    <message>
        <source>The parts are aligned differently: combine only models trained with the same alignment.</source>
        <translation>Die Teile sind verschieden ausgerichtet: Kombinieren Sie nur Modelle, die mit derselben Ausrichtung trainiert wurden.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::ReportTableModel</name>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>F1 score</source>
        <translation>F1-Wert</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>Weighted average</source>
        <translation>Gewichtetes Mittel</translation>
    </message>
</context>
<context>
    <name>ProfileLens::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Move to the next or previous image</source>
        <translation>Zum nächsten oder vorherigen Bild wechseln</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Die Auswahl erweitern</translation>
    </message>
    <message>
        <source>Shift+Arrow keys, Shift+click</source>
        <translation>Umschalt+Pfeiltasten, Umschalt+Klick</translation>
    </message>
    <message>
        <source>Add or remove an image from the selection</source>
        <translation>Ein Bild zur Auswahl hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <source>Ctrl+click, Ctrl+Space</source>
        <translation>Strg+Klick, Strg+Leertaste</translation>
    </message>
    <message>
        <source>First or last image</source>
        <translation>Erstes oder letztes Bild</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Pos1, Ende</translation>
    </message>
</context>
<context>
    <name>ProfileLens::StageViewer</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Aligned</source>
        <translation>Ausgerichtet</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>Model input</source>
        <translation>Modelleingabe</translation>
    </message>
    <message>
        <source>%1
%2 × %3 pixels</source>
        <translation>%1
%2 × %3 Pixel</translation>
    </message>
    <message>
        <source>Original picture</source>
        <translation>Originalbild</translation>
    </message>
    <message>
        <source>Show landmarks</source>
        <translation>Landmarken zeigen</translation>
    </message>
    <message>
        <source>Draw the face box, the 68 landmarks, the eye centres and the eye targets over the original.</source>
        <translation>Gesichtsrahmen, die 68 Landmarken, die Augenmittelpunkte und die Augen-Zielpunkte über das Original zeichnen.</translation>
    </message>
    <message>
        <source>Place eyes by hand</source>
        <translation>Augen von Hand setzen</translation>
    </message>
    <message>
        <source>Click the centre of the eye on the left of the picture, then the one on the right. Esc cancels.</source>
        <translation>Klicken Sie auf die Mitte des Auges links im Bild, dann auf die des rechten. Esc bricht ab.</translation>
    </message>
    <message>
        <source>Reset to detected</source>
        <translation>Auf erkannte zurücksetzen</translation>
    </message>
    <message>
        <source>Reset to detected eyes</source>
        <translation>Auf erkannte Augen zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the eyes placed by hand and detect the face again.</source>
        <translation>Die von Hand gesetzten Augen verwerfen und das Gesicht erneut erkennen.</translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>Bild %1: %2</translation>
    </message>
    <message>
        <source>No project is open, so image %1 cannot be shown.</source>
        <translation>Es ist kein Projekt geöffnet, daher kann Bild %1 nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>%1: preprocessing failed (%2).</source>
        <translation>%1: Vorverarbeitung fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>Processing...</source>
        <translation>Wird verarbeitet...</translation>
    </message>
    <message>
        <source>Eyes placed by hand.</source>
        <translation>Augen von Hand gesetzt.</translation>
    </message>
    <message>
        <source>1 face found.</source>
        <translation>1 Gesicht gefunden.</translation>
    </message>
    <message>
        <source>%1 faces found, largest used.</source>
        <translation>%1 Gesichter gefunden, das größte wird verwendet.</translation>
    </message>
    <message>
        <source>Click the centre of the eye on the left of the picture (the person&apos;s right eye). Press Esc to cancel.</source>
        <translation>Klicken Sie auf die Mitte des Auges links im Bild (das rechte Auge der Person). Esc bricht ab.</translation>
    </message>
    <message>
        <source>Now click the centre of the eye on the right of the picture (the person&apos;s left eye). Press Esc to cancel.</source>
        <translation>Klicken Sie nun auf die Mitte des Auges rechts im Bild (das linke Auge der Person). Esc bricht ab.</translation>
    </message>
    <message>
        <source>Both clicks hit the same pixel. Click &quot;Place eyes by hand&quot; and click each eye centre once.</source>
        <translation>Beide Klicks trafen dasselbe Pixel. Klicken Sie auf &quot;Augen von Hand setzen&quot; und dann einmal auf jeden Augenmittelpunkt.</translation>
    </message>
    <message>
        <source>eye band</source>
        <translation>Augenband</translation>
    </message>
    <message>
        <source>part of the face</source>
        <translation>Teil des Gesichts</translation>
    </message>
    <message>
        <source>Model input: %1
%2 × %3 pixels</source>
        <translation>Modelleingabe: %1
%2 × %3 Pixel</translation>
    </message>
    <message>
        <source>whole face and %1</source>
        <translation>ganzes Gesicht und %1</translation>
    </message>
</context>
<context>
    <name>ProfileLens::ThresholdEvaluator</name>
    <message>
        <source>Got %1 scores but %2 labels. Pass exactly one label per score.</source>
        <translation>%1 Bewertungen, aber %2 Labels erhalten. Übergeben Sie genau ein Label pro Bewertung.</translation>
    </message>
    <message>
        <source>Invalid score %2 at index %1. Every score must be a finite number, such as a probability from 0 to 1.</source>
        <translation>Ungültige Bewertung %2 an Index %1. Jede Bewertung muss eine endliche Zahl sein, etwa eine Wahrscheinlichkeit von 0 bis 1.</translation>
    </message>
    <message>
        <source>Invalid label %2 at index %1. Labels must be 0 (negative) or 1 (positive).</source>
        <translation>Ungültiges Label %2 an Index %1. Labels müssen 0 (negativ) oder 1 (positiv) sein.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::TrainingChart</name>
    <message>
        <source>Loss and accuracy</source>
        <translation>Verlust und Genauigkeit</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Training loss and accuracy chart</source>
        <translation>Diagramm von Trainingsverlust und -genauigkeit</translation>
    </message>
</context>
<context>
    <name>ProfileLens::TrainingDialog</name>
    <message>
        <source>Train a Model</source>
        <translation>Ein Modell trainieren</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>Vorhersage läuft</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>&amp;Datensatz:</translation>
    </message>
    <message>
        <source>CelebA folder, list_attr_celeba.txt or a labels CSV</source>
        <translation>CelebA-Ordner, list_attr_celeba.txt oder eine Label-CSV-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>This &amp;project&apos;s labels</source>
        <translation>Labels dieses &amp;Projekts</translation>
    </message>
    <message>
        <source>&amp;Attribute:</source>
        <translation>&amp;Merkmal:</translation>
    </message>
    <message>
        <source>Reference (all positives, then negatives)</source>
        <translation>Referenz (alle Positiven, dann Negative)</translation>
    </message>
    <message>
        <source>Balanced (equal positives and negatives)</source>
        <translation>Ausgewogen (gleich viele Positive und Negative)</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source> images</source>
        <translation> Bilder</translation>
    </message>
    <message>
        <source>Selection size</source>
        <translation>Auswahlgröße</translation>
    </message>
    <message>
        <source>&amp;Selection:</source>
        <translation>&amp;Auswahl:</translation>
    </message>
    <message>
        <source>Random 80/20</source>
        <translation>Zufällig 80/20</translation>
    </message>
    <message>
        <source>Official partition (CelebA)</source>
        <translation>Offizielle Partition (CelebA)</translation>
    </message>
    <message>
        <source>By group (person or account)</source>
        <translation>Nach Gruppe (Person oder Konto)</translation>
    </message>
    <message>
        <source>S&amp;plit:</source>
        <translation>Auf&amp;teilung:</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>S&amp;teps:</source>
        <translation>Sc&amp;hritte:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Start&amp;wert:</translation>
    </message>
    <message>
        <source>T&amp;hreads:</source>
        <translation>Th&amp;reads:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the last run from its checkpoint</source>
        <translation>Den letzten Lauf vom Checkpoint aus fortsetzen</translation>
    </message>
    <message>
        <source>Predict &amp;All</source>
        <translation>&amp;Alle vorhersagen</translation>
    </message>
    <message>
        <source>Run the project&apos;s active model over every image</source>
        <translation>Das aktive Modell des Projekts auf jedes Bild anwenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Choose or type the attribute to train.</source>
        <translation>Wählen Sie das zu trainierende Merkmal oder geben Sie es ein.</translation>
    </message>
    <message>
        <source>Choose a dataset folder or file, or train on this project&apos;s labels.</source>
        <translation>Wählen Sie einen Datensatz-Ordner oder eine Datei, oder trainieren Sie mit den Labels dieses Projekts.</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>Canceling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <source>Predicting every project image with the active model...</source>
        <translation>Alle Projektbilder werden mit dem aktiven Modell vorhergesagt...</translation>
    </message>
    <message>
        <source>estimating time...</source>
        <translation>Restzeit wird geschätzt...</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>noch etwa %1 h %2 min</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>noch etwa %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Canceled at step %1. Resume continues from the last checkpoint.</source>
        <translation>Bei Schritt %1 abgebrochen. Fortsetzen macht beim letzten Checkpoint weiter.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Saved %1 after %2 steps. Threshold %3, test accuracy %4, test AUC %5.</source>
        <translation>%1 nach %2 Schritten gespeichert. Schwellenwert %3, Testgenauigkeit %4, Test-AUC %5.</translation>
    </message>
    <message>
        <source>Prediction canceled; nothing was stored.</source>
        <translation>Vorhersage abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Stored probabilities for %1 of %2 images (%3 without a usable face).</source>
        <translation>Wahrscheinlichkeiten für %1 von %2 Bildern gespeichert (%3 ohne verwendbares Gesicht).</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Choose a Dataset</source>
        <translation>Einen Datensatz wählen</translation>
    </message>
    <message>
        <source>Label files (list_attr_celeba.txt *.txt *.csv);;All files (*)</source>
        <translation>Label-Dateien (list_attr_celeba.txt *.txt *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Weight decay:</source>
        <translation>&amp;Gewichtsabnahme:</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Netz:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Input size:</source>
        <translation>&amp;Eingabegröße:</translation>
    </message>
    <message>
        <source>A&amp;ugment images (flips, shifts, rotations, brightness, blur, low resolution, JPEG)</source>
        <translation>B&amp;ilder erweitern (Spiegelungen, Verschiebungen, Drehungen, Helligkeit, Unschärfe, niedrige Auflösung, JPEG)</translation>
    </message>
    <message>
        <source>Networks trained with seeds seed, seed + 1 and so on, whose probabilities the model averages. Each takes as long to train as one, and averaging makes fewer mistakes.</source>
        <translation>Netze, die mit den Startwerten Startwert, Startwert + 1 usw. trainiert werden und deren Wahrscheinlichkeiten das Modell mittelt. Jedes braucht so lange wie ein einzelnes, und das Mitteln macht weniger Fehler.</translation>
    </message>
    <message>
        <source>Also average over the &amp;mirror image of each face</source>
        <translation>Au&amp;ch über das Spiegelbild jedes Gesichts mitteln</translation>
    </message>
    <message>
        <source>Training network %1 of %2</source>
        <translation>Training von Netz %1 von %2</translation>
    </message>
    <message>
        <source>Networks to a&amp;verage:</source>
        <translation>Zu mittelnde Net&amp;ze:</translation>
    </message>
    <message>
        <source>Whole face</source>
        <translation>Ganzes Gesicht</translation>
    </message>
    <message>
        <source>Eye band</source>
        <translation>Augenband</translation>
    </message>
    <message>
        <source>Input width</source>
        <translation>Eingabebreite</translation>
    </message>
    <message>
        <source>Input height</source>
        <translation>Eingabehöhe</translation>
    </message>
    <message>
        <source>by</source>
        <translation>mal</translation>
    </message>
    <message>
        <source>Width and height of the grayscale model input. The reference pipeline uses 28 by 28 for the whole face.</source>
        <translation>Breite und Höhe der Graustufen-Modelleingabe. Die Referenz-Pipeline verwendet 28 mal 28 für das ganze Gesicht.</translation>
    </message>
    <message>
        <source>Face re&amp;gion:</source>
        <translation>Gesichtsregi&amp;on:</translation>
    </message>
    <message>
        <source>Precision equals recall</source>
        <translation>Präzision gleich Trefferquote</translation>
    </message>
    <message>
        <source>Highest F1 score</source>
        <translation>Höchster F1-Wert</translation>
    </message>
    <message>
        <source>How the model&apos;s threshold is chosen on the validation pictures. &quot;Precision equals recall&quot; flags as many pictures as are labelled yes, so neither kind of mistake is favoured, and moves less between small validation sets. The evaluation view can move the threshold later.</source>
        <translation>Wie der Schwellenwert des Modells auf den Validierungsbildern gewählt wird. „Präzision gleich Trefferquote“ markiert so viele Bilder, wie mit Ja gelabelt sind, bevorzugt also keine Fehlerart und schwankt weniger zwischen kleinen Validierungssets. Die Auswertungsansicht kann den Schwellenwert später verschieben.</translation>
    </message>
    <message>
        <source>Thresh&amp;old rule:</source>
        <translation>Schwellen&amp;kriterium:</translation>
    </message>
    <message>
        <source>Whole face and eye band</source>
        <translation>Ganzes Gesicht und Augenband</translation>
    </message>
    <message>
        <source>Part of the aligned face the networks read. The eye band, from the eyebrows to the upper cheeks, gives thin frames more pixels. With both, each view gets its own networks, which holds up best on small avatars and is the default for Eyeglasses; training takes twice as long.</source>
        <translation>Teil des ausgerichteten Gesichts, den die Netze lesen. Das Augenband, von den Augenbrauen bis zu den oberen Wangen, gibt dünnen Fassungen mehr Pixel. Mit beidem bekommt jede Ansicht eigene Netze; das hält bei kleinen Avataren am besten und ist der Standard für Eyeglasses. Das Training dauert doppelt so lange.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::TrainingPipeline</name>
    <message>
        <source>Reading labels</source>
        <translation>Labels werden gelesen</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>%1 selected, %2 aligned, %3 without a face, %4 unreadable; %5 training, %6 validation, %7 test</source>
        <translation>%1 ausgewählt, %2 ausgerichtet, %3 ohne Gesicht, %4 nicht lesbar; %5 Training, %6 Validierung, %7 Test</translation>
    </message>
    <message>
        <source>No training data: choose a dataset folder or label some pictures first.</source>
        <translation>Keine Trainingsdaten: Wählen Sie einen Datensatz-Ordner oder beschriften Sie zuerst einige Bilder.</translation>
    </message>
    <message>
        <source>No training pictures left after alignment (%1 selected, %2 without a face, %3 unreadable).</source>
        <translation>Nach der Ausrichtung sind keine Trainingsbilder übrig (%1 ausgewählt, %2 ohne Gesicht, %3 nicht lesbar).</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Could not read %1 (%2).</source>
        <translation>%1 konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>%1, line %2: invalid evaluation row &apos;%3&apos;.</source>
        <translation>%1, Zeile %2: ungültige Auswertungszeile &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>The training set holds only one class of &apos;%1&apos; (%2 with it, %3 without). A classifier needs pictures of both kinds: select more rows or label more pictures.</source>
        <translation>Die Trainingsmenge enthält nur eine Klasse von &apos;%1&apos; (%2 mit, %3 ohne). Ein Klassifikator braucht Bilder beider Arten: wählen Sie mehr Zeilen aus oder beschriften Sie mehr Bilder.</translation>
    </message>
    <message>
        <source>The test set is empty after alignment (%1 pictures selected). Select more pictures, or raise the test fraction.</source>
        <translation>Die Testmenge ist nach dem Ausrichten leer (%1 Bilder ausgewählt). Wählen Sie mehr Bilder aus oder erhöhen Sie den Testanteil.</translation>
    </message>
    <message>
        <source>The dataset names no group (person or account) for its pictures, so they were split at random.</source>
        <translation>Der Datensatz nennt für seine Bilder keine Gruppe (Person oder Konto), daher wurden sie zufällig aufgeteilt.</translation>
    </message>
</context>
<context>
    <name>ProfileLens::TrainingWorker</name>
    <message>
        <source>Could not write the training log %1 (%2).</source>
        <translation>Das Trainingsprotokoll %1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>Training stopped with an internal error: %1</source>
        <translation>Das Training wurde durch einen internen Fehler angehalten: %1</translation>
    </message>
    <message>
        <source>No model file name was given.</source>
        <translation>Es wurde kein Name für die Modelldatei angegeben.</translation>
    </message>
    <message>
        <source>The model was saved as %1, but adding it to the project failed: %2</source>
        <translation>Das Modell wurde als %1 gespeichert, aber das Hinzufügen zum Projekt ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>ProjectStore</name>
    <message>
        <source>The project database %1 is damaged or is not a SQLite database (%2). Restore project.sqlite from a backup, or create a new project and import the images again.</source>
        <translation>Die Projektdatenbank %1 ist beschädigt oder keine SQLite-Datenbank (%2). Stellen Sie project.sqlite aus einer Sicherung wieder her, oder erstellen Sie ein neues Projekt und importieren Sie die Bilder erneut.</translation>
    </message>
    <message>
        <source>%1 failed because another program has locked %2. Close other programs that use this project and try again.</source>
        <translation>%1 ist fehlgeschlagen, weil ein anderes Programm %2 gesperrt hat. Schließen Sie andere Programme, die dieses Projekt verwenden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 failed because %2 is read-only. Check the file permissions or copy the project to a writable folder.</source>
        <translation>%1 ist fehlgeschlagen, weil %2 schreibgeschützt ist. Prüfen Sie die Dateiberechtigungen oder kopieren Sie das Projekt in einen beschreibbaren Ordner.</translation>
    </message>
    <message>
        <source>%1 failed because the disk that holds %2 is full. Free some space and try again.</source>
        <translation>%1 ist fehlgeschlagen, weil das Laufwerk mit %2 voll ist. Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 failed in %2: %3</source>
        <translation>%1 ist in %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Invalid attribute name &quot;%1&quot;: use 1 to 64 letters, digits, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit (for example Sunglasses or Wearing_Hat).</source>
        <translation>Ungültiger Merkmalsname &quot;%1&quot;: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;_&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer (zum Beispiel Sunglasses oder Wearing_Hat).</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available, so %1 cannot be opened. Install the Qt 6 SQLite plugin (Debian package libqt6sql6-sqlite).</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht verfügbar, daher kann %1 nicht geöffnet werden. Installieren Sie das SQLite-Plugin von Qt 6 (Debian-Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation>Das Öffnen des Projekts</translation>
    </message>
    <message>
        <source>No project is open. Open or create a project first.</source>
        <translation>Es ist kein Projekt geöffnet. Öffnen oder erstellen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>The project %1 was used from a thread that did not open it; a ProjectStore must stay on the thread that called open() or create().</source>
        <translation>Das Projekt %1 wurde aus einem Thread verwendet, der es nicht geöffnet hat; ein ProjectStore muss in dem Thread bleiben, der open() oder create() aufgerufen hat.</translation>
    </message>
    <message>
        <source>Switching to WAL journal mode</source>
        <translation>Der Wechsel in den WAL-Journalmodus</translation>
    </message>
    <message>
        <source>SQLite kept journal mode &quot;%1&quot; for %2 instead of WAL. Move the project to a local disk (network file systems lack WAL support).</source>
        <translation>SQLite hat für %2 den Journalmodus &quot;%1&quot; statt WAL beibehalten. Verschieben Sie das Projekt auf ein lokales Laufwerk (Netzwerk-Dateisysteme unterstützen WAL nicht).</translation>
    </message>
    <message>
        <source>Reading the project header</source>
        <translation>Das Lesen des Projektkopfs</translation>
    </message>
    <message>
        <source>Writing a backup before the migration</source>
        <translation>Das Schreiben einer Sicherung vor der Migration</translation>
    </message>
    <message>
        <source>%1 already contains a project (%2 exists). Open it instead, or choose an empty folder for the new project.</source>
        <translation>%1 enthält bereits ein Projekt (%2 existiert). Öffnen Sie es stattdessen oder wählen Sie einen leeren Ordner für das neue Projekt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Check that the parent folder exists and is writable.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden. Prüfen Sie, ob der übergeordnete Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Creating the project tables in %1 failed: %2</source>
        <translation>Das Anlegen der Projekttabellen in %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>No ProfileLens project in %1: %2 is missing. Choose the folder that contains project.sqlite, or create a new project.</source>
        <translation>Kein ProfileLens-Projekt in %1: %2 fehlt. Wählen Sie den Ordner, der project.sqlite enthält, oder erstellen Sie ein neues Projekt.</translation>
    </message>
    <message>
        <source>%1 is a SQLite database but not a ProfileLens project (its application id is %2, tables: %3). Choose the folder of a ProfileLens project, or create a new project in an empty folder.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber kein ProfileLens-Projekt (seine Anwendungs-ID ist %2, Tabellen: %3). Wählen Sie den Ordner eines ProfileLens-Projekts oder erstellen Sie ein neues Projekt in einem leeren Ordner.</translation>
    </message>
    <message>
        <source>%1 was written by a newer ProfileLens (schema version %2; this version reads up to %3). Update ProfileLens to open this project.</source>
        <translation>%1 wurde von einem neueren ProfileLens geschrieben (Schemaversion %2; diese Version liest bis %3). Aktualisieren Sie ProfileLens, um dieses Projekt zu öffnen.</translation>
    </message>
    <message>
        <source>schema version %1 is unknown</source>
        <translation>die Schemaversion %1 ist unbekannt</translation>
    </message>
    <message>
        <source>Upgrading %1 from schema version %2 to %3 failed: %4. The file is unchanged, and a copy was saved as %5.</source>
        <translation>Die Aktualisierung von %1 von Schemaversion %2 auf %3 ist fehlgeschlagen: %4. Die Datei ist unverändert, und eine Kopie wurde als %5 gespeichert.</translation>
    </message>
    <message>
        <source>the table &quot;%1&quot; is missing</source>
        <translation>die Tabelle &quot;%1&quot; fehlt</translation>
    </message>
    <message>
        <source>%1 was not found or is not a file.</source>
        <translation>%1 wurde nicht gefunden oder ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 is too large to import (%2 MB; the limit is %3 MB).</source>
        <translation>%1 ist zu groß für den Import (%2 MB; das Limit ist %3 MB).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be decoded as an image.</source>
        <translation>%1 konnte nicht als Bild dekodiert werden.</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Der Import von %1</translation>
    </message>
    <message>
        <source>Cannot save %1 into %2: %3. Check free disk space and permissions.</source>
        <translation>%1 kann nicht in %2 gespeichert werden: %3. Prüfen Sie den freien Speicherplatz und die Berechtigungen.</translation>
    </message>
    <message>
        <source>Listing the images</source>
        <translation>Das Auflisten der Bilder</translation>
    </message>
    <message>
        <source>Reading image %1</source>
        <translation>Das Lesen von Bild %1</translation>
    </message>
    <message>
        <source>Image %1 is not in the project.</source>
        <translation>Bild %1 ist nicht im Projekt.</translation>
    </message>
    <message>
        <source>Counting the images</source>
        <translation>Das Zählen der Bilder</translation>
    </message>
    <message>
        <source>Cannot label image %1: it is not in the project %2.</source>
        <translation>Bild %1 kann nicht beschriftet werden: Es ist nicht im Projekt %2.</translation>
    </message>
    <message>
        <source>Cannot label image %1 for &quot;%2&quot;: the project has no such attribute. Add the attribute first.</source>
        <translation>Bild %1 kann nicht für &quot;%2&quot; beschriftet werden: Das Projekt hat kein solches Merkmal. Fügen Sie das Merkmal zuerst hinzu.</translation>
    </message>
    <message>
        <source>Labelling image %1 for &quot;%2&quot;</source>
        <translation>Das Beschriften von Bild %1 für &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Starting a transaction</source>
        <translation>Das Starten einer Transaktion</translation>
    </message>
    <message>
        <source>None of the %1 labels was saved.</source>
        <translation>Keines der %1 Labels wurde gespeichert.</translation>
    </message>
    <message>
        <source>Saving %1 labels</source>
        <translation>Das Speichern von %1 Labels</translation>
    </message>
    <message>
        <source>Clearing the &quot;%1&quot; label of image %2</source>
        <translation>Das Entfernen des Labels &quot;%1&quot; von Bild %2</translation>
    </message>
    <message>
        <source>Reading a label of image %1</source>
        <translation>Das Lesen eines Labels von Bild %1</translation>
    </message>
    <message>
        <source>Reading the &quot;%1&quot; labels</source>
        <translation>Das Lesen der Labels für &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Counting the &quot;%1&quot; labels</source>
        <translation>Das Zählen der Labels für &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The project already has the attribute &quot;%1&quot;; &quot;%2&quot; differs only in letter case. Use &quot;%1&quot;.</source>
        <translation>Das Projekt hat bereits das Merkmal &quot;%1&quot;; &quot;%2&quot; unterscheidet sich nur in der Groß- und Kleinschreibung. Verwenden Sie &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Adding the attribute &quot;%1&quot;</source>
        <translation>Das Hinzufügen des Merkmals &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Listing the attributes</source>
        <translation>Das Auflisten der Merkmale</translation>
    </message>
    <message>
        <source>Saving the eyes of image %1</source>
        <translation>Das Speichern der Augen von Bild %1</translation>
    </message>
    <message>
        <source>Reading the eyes of image %1</source>
        <translation>Das Lesen der Augen von Bild %1</translation>
    </message>
    <message>
        <source>Clearing the eyes of image %1</source>
        <translation>Das Entfernen der Augen von Bild %1</translation>
    </message>
    <message>
        <source>Invalid threshold %1 for model &quot;%2&quot;: it must lie between 0 and 1.</source>
        <translation>Ungültiger Schwellenwert %1 für das Modell &quot;%2&quot;: Er muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <source>Registering the model &quot;%1&quot;</source>
        <translation>Das Registrieren des Modells &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Listing the models</source>
        <translation>Das Auflisten der Modelle</translation>
    </message>
    <message>
        <source>Activating model %1</source>
        <translation>Das Aktivieren von Modell %1</translation>
    </message>
    <message>
        <source>Model %1 is not in the project.</source>
        <translation>Modell %1 ist nicht im Projekt.</translation>
    </message>
    <message>
        <source>Reading the active model</source>
        <translation>Das Lesen des aktiven Modells</translation>
    </message>
    <message>
        <source>Invalid threshold %1 for model %2: it must lie between 0 and 1.</source>
        <translation>Ungültiger Schwellenwert %1 für Modell %2: Er muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <source>Setting the threshold of model %1</source>
        <translation>Das Setzen des Schwellenwerts von Modell %1</translation>
    </message>
    <message>
        <source>Saving the prediction of model %1 for image %2 (none of the %3 predictions was saved)</source>
        <translation>Das Speichern der Vorhersage von Modell %1 für Bild %2 (keine der %3 Vorhersagen wurde gespeichert)</translation>
    </message>
    <message>
        <source>Saving the predictions</source>
        <translation>Das Speichern der Vorhersagen</translation>
    </message>
    <message>
        <source>Reading the predictions of model %1</source>
        <translation>Das Lesen der Vorhersagen von Modell %1</translation>
    </message>
    <message>
        <source>Saving the setting &quot;%1&quot;</source>
        <translation>Das Speichern der Einstellung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Reading the setting &quot;%1&quot;</source>
        <translation>Das Lesen der Einstellung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>Die Prüfung der Datenbank</translation>
    </message>
</context>
<context>
    <name>SetLabelsCommand</name>
    <message numerus="yes">
        <source>Change %n label(s)</source>
        <translation>
            <numerusform>%n Label ändern</numerusform>
            <numerusform>%n Labels ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear %n label(s)</source>
        <translation>
            <numerusform>%n Label entfernen</numerusform>
            <numerusform>%n Labels entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Label %n image(s) Yes</source>
        <translation>
            <numerusform>%n Bild mit Ja beschriften</numerusform>
            <numerusform>%n Bilder mit Ja beschriften</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Label %n image(s) No</source>
        <translation>
            <numerusform>%n Bild mit Nein beschriften</numerusform>
            <numerusform>%n Bilder mit Nein beschriften</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Label %n image(s) Unsure</source>
        <translation>
            <numerusform>%n Bild mit Unsicher beschriften</numerusform>
            <numerusform>%n Bilder mit Unsicher beschriften</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TensorSet</name>
    <message>
        <source>Invalid image size %1x%2.</source>
        <translation>Ungültige Bildgröße %1x%2.</translation>
    </message>
    <message>
        <source>The pixel array has %1 values, which is not a multiple of %2x%3.</source>
        <translation>Das Pixel-Array hat %1 Werte, was kein Vielfaches von %2x%3 ist.</translation>
    </message>
    <message>
        <source>%1 images but %2 labels.</source>
        <translation>%1 Bilder, aber %2 Labels.</translation>
    </message>
    <message>
        <source>Image %1 has label %2; labels must be 0 or 1.</source>
        <translation>Bild %1 hat das Label %2; Labels müssen 0 oder 1 sein.</translation>
    </message>
    <message>
        <source>%1 images but %2 source names.</source>
        <translation>%1 Bilder, aber %2 Quellnamen.</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>it has version %1, but this version of ProfileLens reads version %2.</source>
        <translation>er hat Version %1, aber diese Version von ProfileLens liest Version %2.</translation>
    </message>
    <message>
        <source>its setting &quot;%1&quot; differs from this run&apos;s. Resume with the same settings, or delete the checkpoint to start over.</source>
        <translation>seine Einstellung &quot;%1&quot; weicht von der dieses Laufs ab. Setzen Sie mit denselben Einstellungen fort oder löschen Sie den Checkpoint, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>it was made for %1 training images, not %2.</source>
        <translation>er wurde für %1 Trainingsbilder erstellt, nicht für %2.</translation>
    </message>
    <message>
        <source>its random generator state is invalid.</source>
        <translation>sein Zustand des Zufallsgenerators ist ungültig.</translation>
    </message>
    <message>
        <source>Unknown model architecture &quot;%1&quot;.</source>
        <translation>Unbekannte Modellarchitektur &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The number of training steps must be at least 1, not %1.</source>
        <translation>Die Anzahl der Trainingsschritte muss mindestens 1 sein, nicht %1.</translation>
    </message>
    <message>
        <source>The batch size must be at least 1, not %1.</source>
        <translation>Die Batchgröße muss mindestens 1 sein, nicht %1.</translation>
    </message>
    <message>
        <source>The learning rate must be positive, not %1.</source>
        <translation>Die Lernrate muss positiv sein, nicht %1.</translation>
    </message>
    <message>
        <source>The weight decay must not be negative (%1).</source>
        <translation>Die Gewichtsabnahme darf nicht negativ sein (%1).</translation>
    </message>
    <message>
        <source>A checkpoint interval is set, but no checkpoint file.</source>
        <translation>Ein Checkpoint-Intervall ist gesetzt, aber keine Checkpoint-Datei.</translation>
    </message>
    <message>
        <source>Invalid training data: %1</source>
        <translation>Ungültige Trainingsdaten: %1</translation>
    </message>
    <message>
        <source>There are no training images.</source>
        <translation>Es gibt keine Trainingsbilder.</translation>
    </message>
    <message>
        <source>Invalid validation data: %1</source>
        <translation>Ungültige Validierungsdaten: %1</translation>
    </message>
    <message>
        <source>The validation images are %1x%2 pixels, but the training images %3x%4.</source>
        <translation>Die Validierungsbilder haben %1x%2 Pixel, die Trainingsbilder aber %3x%4.</translation>
    </message>
    <message>
        <source>Cannot write checkpoint &quot;%1&quot;: %2</source>
        <translation>Der Checkpoint &quot;%1&quot; kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read checkpoint &quot;%1&quot;: %2</source>
        <translation>Der Checkpoint &quot;%1&quot; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot resume from checkpoint &quot;%1&quot;: %2</source>
        <translation>Vom Checkpoint &quot;%1&quot; kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Training diverged at step %1 (the loss is not a number). Lower the learning rate.</source>
        <translation>Das Training ist bei Schritt %1 divergiert (der Verlust ist keine Zahl). Verringern Sie die Lernrate.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label profile pictures and find those that show a face attribute.</source>
        <translation>Profilbilder beschriften und die finden, die ein Gesichtsmerkmal zeigen.</translation>
    </message>
    <message>
        <source>Open the project in &lt;folder&gt;; a new project is created there when the folder holds none.</source>
        <translation>Das Projekt in &lt;Ordner&gt; öffnen; enthält der Ordner keines, wird dort ein neues Projekt angelegt.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Open the demo project with two sample pictures scored by the default model.</source>
        <translation>Das Demoprojekt mit zwei vom Standardmodell bewerteten Beispielbildern öffnen.</translation>
    </message>
</context>
</TS>
